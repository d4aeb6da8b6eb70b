-- Rates (三率) need no index of their own: casework_case_dispatched narrows a week or a month to its range, and a
-- month of a busy district (100,000 cases) aggregates in well under a second even as a parallel scan (RatesVolumeIT).
-- A covering index was tried and not chosen by the planner, so it is not kept to slow down writes.

-- The overdue list reads open overdue cases only, newest deadline first.
create index casework_case_overdue on casework_case (resolution_due)
    where (response_overdue or resolution_overdue) and status not in ('CLOSED', 'MERGED');

-- The hot spot detector reads the last days of cases with a place and a category.
create index casework_case_recent_placed on casework_case (received_at, category_code)
    where lon is not null and lat is not null and category_code is not null;

-- Hot spots (高频诉求): several requests of the same category leaf about the same place within a few days.
create table casework_hotspot (
    id             text primary key,
    category_code  text not null,
    lon            double precision not null,
    lat            double precision not null,
    radius_m       double precision not null,
    case_count     integer not null,
    first_at       timestamptz not null,
    last_at        timestamptz not null,
    status         text not null,
    division_code  text,
    case_ids       text[] not null,
    raised_at      timestamptz not null,
    updated_at     timestamptz not null,
    updated_by     text,
    version        integer not null default 0
);

create index casework_hotspot_active on casework_hotspot (category_code) where status <> 'CLOSED';
create index casework_hotspot_listing on casework_hotspot (status, last_at desc);
create index casework_hotspot_cases on casework_hotspot using gin (case_ids);
