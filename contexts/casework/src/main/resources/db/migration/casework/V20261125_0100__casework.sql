-- Casework: cases from every channel, their assignments to units (主办/协办, passed down the levels), the timeline
-- of every step, attachments, in-app notices, the dispatch rule table and intake policies for alarms and events.

create sequence casework_case_number;

create table casework_case (
    id                  text primary key,
    number              text not null unique,
    channel             text not null,
    external_id         text,
    request_type        text not null,
    title               text not null,
    content             text not null,
    category_code       text,
    suggested_category  text,
    urgency             text not null,
    status              text not null,
    status_before       text,
    address             text,
    lon                 double precision,
    lat                 double precision,
    division_code       text,
    town_code           text,
    community_code      text,
    grid_code           text,
    caller_name         text,
    caller_phone        text,
    citizen_token       text unique,
    source_ref          text,
    reported_by         text,
    main_unit           text,
    received_at         timestamptz not null,
    dispatched_at       timestamptz,
    signed_at           timestamptz,
    replied_at          timestamptz,
    verified_at         timestamptz,
    closed_at           timestamptz,
    suspended_at        timestamptz,
    response_due        timestamptz,
    response_warn_at    timestamptz,
    resolution_due      timestamptz,
    resolution_warn_at  timestamptz,
    response_overdue    boolean not null default false,
    resolution_overdue  boolean not null default false,
    reply               text,
    answer              text,
    solved              boolean,
    satisfaction        text,
    rated_at            timestamptz,
    excluded_from_rates boolean not null default false,
    supervisions        integer not null default 0,
    reopenings          integer not null default 0,
    merged_into         text references casework_case (id),
    split_from          text references casework_case (id),
    duplicate_of        text references casework_case (id),
    version             integer not null default 0,
    updated_at          timestamptz not null
);

create unique index casework_case_external on casework_case (channel, external_id) where external_id is not null;
create index casework_case_status on casework_case (status, received_at);
create index casework_case_unit on casework_case (main_unit, status);
create index casework_case_division on casework_case (division_code text_pattern_ops);
create index casework_case_dispatched on casework_case (dispatched_at);
create index casework_case_received on casework_case (received_at);
create index casework_case_category on casework_case (category_code, received_at);
create index casework_case_source on casework_case (source_ref) where source_ref is not null;

create table casework_assignment (
    id              bigserial primary key,
    case_id         text not null references casework_case (id),
    unit            text not null,
    role            text not null,
    status          text not null,
    parent_id       bigint references casework_assignment (id),
    assigned_by     text not null,
    assigned_at     timestamptz not null,
    response_due    timestamptz,
    signed_at       timestamptz,
    finished_at     timestamptz,
    note            text
);

create index casework_assignment_case on casework_assignment (case_id);
create index casework_assignment_inbox on casework_assignment (unit, status);

create table casework_step (
    case_id     text not null references casework_case (id),
    seq         integer not null,
    action      text not null,
    from_status text,
    to_status   text,
    unit        text,
    to_unit     text,
    by_id       text not null,
    by_name     text not null,
    note        text,
    data        text,
    at          timestamptz not null,
    primary key (case_id, seq)
);

create table casework_attachment (
    id          text primary key,
    case_id     text not null references casework_case (id),
    stage       text not null,
    file_name   text not null,
    media_type  text not null,
    size_bytes  integer not null,
    sha256      text not null,
    content     bytea not null,
    lon         double precision,
    lat         double precision,
    by_id       text not null,
    at          timestamptz not null
);

create index casework_attachment_case on casework_attachment (case_id);

create table casework_notice (
    id        bigserial primary key,
    unit      text not null,
    -- Deferred: a notice of an automatic dispatch at intake is written before the new case's row.
    case_id   text not null references casework_case (id) deferrable initially deferred,
    kind      text not null,
    text      text not null,
    at        timestamptz not null,
    read_at   timestamptz
);

create index casework_notice_unit on casework_notice (unit, at desc);

-- Who answers for a category in a division: the most specific category prefix and division prefix win; a rule
-- with an empty division prefix is the district fallback.
create table casework_dispatch_rule (
    id               bigserial primary key,
    category_prefix  text not null,
    division_prefix  text not null,
    unit             text not null,
    co_units         text not null default '',
    automatic        boolean not null default true,
    version          integer not null default 0,
    unique (category_prefix, division_prefix)
);

-- Casework's own policies for turning other contexts' events into cases (alarms by rule or template or severity).
create table casework_intake_policy (
    id            bigserial primary key,
    source        text not null,
    match_key     text not null,
    match_value   text not null,
    category_code text not null,
    urgency       text not null,
    min_severity  text,
    enabled       boolean not null default true,
    version       integer not null default 0,
    unique (source, match_key, match_value)
);
