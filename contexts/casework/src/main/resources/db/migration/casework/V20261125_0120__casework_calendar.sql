-- Casework's working-day calendar and deadline policies.
--
-- casework_calendar_day holds only the exceptions to "Monday to Friday work, Saturday and Sunday rest" (Beijing
-- time): HOLIDAY = 法定节假日 (and the weekend days inside a holiday block), WORKDAY = 调休上班 on a weekend day.
-- Seeded with the 2026 schedule as published by the General Office of the State Council (国务院办公厅关于2026年
-- 部分节假日安排的通知, 国办发明电〔2025〕7号, November 2025), entered from that notice by hand; check it against the
-- notice before relying on it, and import each new year through POST /api/casework/calendar/import when the State
-- Council publishes it (usually in November of the year before).

create table casework_calendar_day (
    day         date primary key,
    kind        text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name        text not null,
    updated_by  text not null,
    updated_at  timestamptz not null
);

insert into casework_calendar_day (day, kind, name, updated_by, updated_at)
select d::date, 'HOLIDAY', h.name, 'migration', now()
from (values
        ('元旦', date '2026-01-01', date '2026-01-03'),
        ('春节', date '2026-02-15', date '2026-02-23'),
        ('清明节', date '2026-04-04', date '2026-04-06'),
        ('劳动节', date '2026-05-01', date '2026-05-05'),
        ('端午节', date '2026-06-19', date '2026-06-21'),
        ('中秋节', date '2026-09-25', date '2026-09-27'),
        ('国庆节', date '2026-10-01', date '2026-10-07')
     ) as h (name, first_day, last_day),
     generate_series(h.first_day, h.last_day, interval '1 day') as d;

insert into casework_calendar_day (day, kind, name, updated_by, updated_at) values
    (date '2026-01-04', 'WORKDAY', '元旦调休上班', 'migration', now()),
    (date '2026-02-14', 'WORKDAY', '春节调休上班', 'migration', now()),
    (date '2026-02-28', 'WORKDAY', '春节调休上班', 'migration', now()),
    (date '2026-05-09', 'WORKDAY', '劳动节调休上班', 'migration', now()),
    (date '2026-09-20', 'WORKDAY', '国庆节调休上班', 'migration', now()),
    (date '2026-10-10', 'WORKDAY', '国庆节调休上班', 'migration', now());

-- How long a case may take, per category prefix ('' = every category) and urgency; the most specific prefix wins.
-- Limits are written like 30m, 2h, 4wh (working hours), 3d, 15wd (working days); warn_before is a fraction of the
-- span (0.2) or a limit (4wh). Defaults modelled on 接诉即办: contact within 2 hours (30 minutes when it is an
-- emergency), resolve within 24 hours, 7 or 15 working days.
create table casework_deadline_policy (
    category_prefix  text not null,
    urgency          text not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    response_limit   text not null,
    resolution_limit text not null,
    warn_before      text not null,
    version          integer not null default 0,
    updated_by       text not null,
    updated_at       timestamptz not null,
    primary key (category_prefix, urgency)
);

insert into casework_deadline_policy
    (category_prefix, urgency, response_limit, resolution_limit, warn_before, updated_by, updated_at) values
    ('', 'EMERGENCY', '30m', '24h', '0.2', 'migration', now()),
    ('', 'URGENT', '2h', '7wd', '0.2', 'migration', now()),
    ('', 'ROUTINE', '2h', '15wd', '0.2', 'migration', now());
