-- Theme databases (issue 10 part 4): a theme holds tables, each a declarative query over a source of the
-- allow-list, materialised by PostgreSQL as theme_<theme>_<table> and refreshed on the theme's interval.
-- Definitions are versioned; every refresh is recorded, failed ones too (ADR 0021).

CREATE TABLE catalog_theme (
    code             text        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9]{1,19}$'),
    name_zh          text        NOT NULL,
    name_en          text        NOT NULL,
    description      text        NOT NULL,
    owner_department text        NOT NULL,
    refresh_seconds  integer     NOT NULL CHECK (refresh_seconds > 0),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    builtin          boolean     NOT NULL,
    -- the tables' specs as validated at save (a JSON array of TableSpec)
    tables           jsonb       NOT NULL,
    version          integer     NOT NULL,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    changed_by       text        NOT NULL,
    changed_at       timestamptz NOT NULL
);

-- Every version of every theme as it was saved; the row above is the latest.
CREATE TABLE catalog_theme_version (
    code       text        NOT NULL REFERENCES catalog_theme (code),
    version    integer     NOT NULL,
    definition jsonb       NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE catalog_theme_refresh (
    id          bigserial   PRIMARY KEY,
    theme_code  text        NOT NULL REFERENCES catalog_theme (code),
    table_name  text        NOT NULL,
    version     integer     NOT NULL,
    run_trigger text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    row_count   bigint,
    outcome     text        NOT NULL CHECK (outcome IN ('OK', 'FAILED')),
    error       text
);
CREATE INDEX catalog_theme_refresh_table ON catalog_theme_refresh (theme_code, table_name, id DESC);

-- Sources themes need, added to the allow-list of the data API where their tables exist. None carries personal
-- data: alarms leave out who handled them; people are only counted (per residence division, gender and age band);
-- organisations keep their public registration facts, not their legal representative.
DO $$
BEGIN
    IF to_regclass('casework_case') IS NOT NULL AND to_regclass('catalog_src_casework_cases') IS NOT NULL THEN
        -- Columns may only be appended to a view in place; the deadlines let themes count overdue cases.
        EXECUTE 'CREATE OR REPLACE VIEW catalog_src_casework_cases AS SELECT number AS case_number, channel,'
            || ' request_type, category_code, urgency, status, division_code, town_code, community_code, grid_code,'
            || ' received_at, closed_at, response_overdue, resolution_overdue, resolution_due FROM casework_case';
    END IF;
    IF to_regclass('iot_telemetry_1h') IS NOT NULL AND to_regclass('iot_device') IS NOT NULL THEN
        EXECUTE 'CREATE VIEW catalog_src_iot_telemetry_hourly AS SELECT r.device_id, d.type_code, d.division,'
            || ' r.property, r.bucket AS hour, r.n AS readings, r.total, r.total / nullif(r.n, 0) AS average,'
            || ' r.lo AS lowest, r.hi AS highest FROM iot_telemetry_1h r JOIN iot_device d ON d.id = r.device_id';
        INSERT INTO catalog_share_source VALUES ('iot.telemetry.hourly', 'catalog_src_iot_telemetry_hourly',
            'Hourly telemetry rollups per device and property, with the device''s type and division');
    END IF;
    IF to_regclass('alerting_alarm') IS NOT NULL THEN
        EXECUTE 'CREATE VIEW catalog_src_alerting_alarms AS SELECT id AS alarm_id, rule_id, rule_name, kind,'
            || ' severity, device_type, division, status, raised_at, acknowledged_at, cleared_at, resolved_at,'
            || ' escalation_level, repeat_count FROM alerting_alarm';
        INSERT INTO catalog_share_source VALUES ('alerting.alarms', 'catalog_src_alerting_alarms',
            'Alarms without who handled them or their details');
    END IF;
    IF to_regclass('basedata_person') IS NOT NULL THEN
        -- Counted, never listed: no name, ID number, birth date or address leaves the base database here.
        EXECUTE 'CREATE VIEW catalog_src_basedata_people_counts AS'
            || ' SELECT coalesce(residence_division, household_division, division_code) AS division,'
            || ' coalesce(gender, ''unknown'') AS gender,'
            || ' CASE WHEN birth_date IS NULL THEN ''unknown'''
            || ' WHEN age(current_date, birth_date) < interval ''15 years'' THEN ''0-14'''
            || ' WHEN age(current_date, birth_date) < interval ''60 years'' THEN ''15-59'''
            || ' WHEN age(current_date, birth_date) < interval ''80 years'' THEN ''60-79'''
            || ' ELSE ''80+'' END AS age_band, count(*) AS people'
            || ' FROM basedata_person GROUP BY 1, 2, 3';
        INSERT INTO catalog_share_source VALUES ('basedata.people.counts', 'catalog_src_basedata_people_counts',
            'People counted per residence division, gender and age band; no personal record');
    END IF;
    IF to_regclass('basedata_organisation') IS NOT NULL THEN
        EXECUTE 'CREATE VIEW catalog_src_basedata_organisations AS SELECT credit_code, name, industry, status,'
            || ' address_division AS division FROM basedata_organisation';
        INSERT INTO catalog_share_source VALUES ('basedata.organisations', 'catalog_src_basedata_organisations',
            'Organisations'' public registration facts: credit code, name, industry, status, division');
    END IF;
END
$$;
