-- Case categories: GB/T 30428 components and events and the 12345 hotline's request classes, as one tree per kind.
-- A child's code starts with its parent's, so dispatch rules match a branch by prefix. Categories are switched
-- off, never deleted: closed cases keep pointing at them.
create table casework_category (
    code        text primary key,
    parent_code text references casework_category (code),
    kind        text not null,
    name        text not null,
    name_en     text,
    active      boolean not null default true,
    version     integer not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    check (parent_code is null or (code like parent_code || '%' and code <> parent_code))
);

create index casework_category_parent on casework_category (parent_code);
