-- Data quality of catalogue resources: what each entry's data is read from, its rules, and every run with
-- per-rule results. Rows of imported tables are kept as JSONB, keyed by entry (ADR 0019).

CREATE TABLE catalog_quality_binding (
    entry_code text             PRIMARY KEY REFERENCES catalog_entry (code),
    -- a named source of the allow-list (QualitySource), or 'imported' for the rows below
    source     text             NOT NULL,
    -- the resource's score below which a run fails and casework hears of it
    threshold  double precision NOT NULL,
    imported_at timestamptz
);

CREATE TABLE catalog_quality_row (
    entry_code text    NOT NULL REFERENCES catalog_entry (code),
    row_no     integer NOT NULL,
    data       jsonb   NOT NULL,
    PRIMARY KEY (entry_code, row_no)
);

CREATE TABLE catalog_quality_rule (
    id          bigserial        PRIMARY KEY,
    entry_code  text             NOT NULL REFERENCES catalog_entry (code),
    kind        text             NOT NULL,
    -- the rule's parameters as validated at save (fields, pattern, min/max, codes, other source and field)
    definition  jsonb            NOT NULL,
    threshold   double precision NOT NULL,
    weight      double precision NOT NULL,
    created_by  text             NOT NULL,
    created_at  timestamptz      NOT NULL
);
CREATE INDEX catalog_quality_rule_entry ON catalog_quality_rule (entry_code);

CREATE TABLE catalog_quality_run (
    id              bigserial        PRIMARY KEY,
    entry_code      text             NOT NULL REFERENCES catalog_entry (code),
    department      text             NOT NULL,
    run_trigger     text             NOT NULL,
    ran_at          timestamptz      NOT NULL,
    score           double precision NOT NULL,
    threshold       double precision NOT NULL,
    passed          boolean          NOT NULL,
    event_published boolean          NOT NULL
);
CREATE INDEX catalog_quality_run_entry ON catalog_quality_run (entry_code, id DESC);

CREATE TABLE catalog_quality_result (
    run_id  bigint           NOT NULL REFERENCES catalog_quality_run (id),
    rule_id bigint           NOT NULL,
    kind    text             NOT NULL,
    checked integer          NOT NULL,
    failed  integer          NOT NULL,
    score   double precision NOT NULL,
    passed  boolean          NOT NULL,
    -- a few failing rows, personal values masked
    sample  jsonb            NOT NULL,
    PRIMARY KEY (run_id, rule_id)
);

-- Named sources: the only tables quality reads besides imported rows. Users pick a name, never type SQL.
-- Personal columns (maintainers, callers) are left out. Views over other contexts' tables are created only
-- where those tables exist (the catalogue's own tests migrate the catalogue alone).
CREATE VIEW quality_source_catalog_entries AS
    SELECT code, name, provider_department, status, sharing_type, open_type, changed_at FROM catalog_entry;

DO $$
BEGIN
    IF to_regclass('iot_device') IS NOT NULL THEN
        CREATE VIEW quality_source_iot_devices AS
            SELECT id, type_code, name, vendor, serial, division, department, state, installed_on, updated_at
            FROM iot_device;
    END IF;
    IF to_regclass('casework_case') IS NOT NULL THEN
        CREATE VIEW quality_source_casework_cases AS
            SELECT id, number, channel, category_code, urgency, status, division_code, received_at, closed_at
            FROM casework_case;
    END IF;
    IF to_regclass('identity_department') IS NOT NULL THEN
        CREATE VIEW quality_source_departments AS
            SELECT code, name, short_name, active, updated_at FROM identity_department;
    END IF;
END
$$;
