-- Grants, credentials and the call log of the shared-data API (issue 10 part 5). Data leaves only through
-- sources on an allow-list: each names a view the platform created here, never SQL a user wrote.

CREATE TABLE catalog_share_source (
    name        text PRIMARY KEY,
    relation    text NOT NULL CHECK (relation ~ '^[a-z_][a-z0-9_]*$'),
    description text NOT NULL
);

-- Which source serves a catalogued resource; its data items name the source's columns.
CREATE TABLE catalog_resource_source (
    resource_code text        PRIMARY KEY REFERENCES catalog_entry (code),
    source        text        NOT NULL REFERENCES catalog_share_source (name),
    bound_by      text        NOT NULL,
    bound_at      timestamptz NOT NULL
);

-- One grant per approved or narrowed request. The key is stored as its SHA-256 digest only.
CREATE TABLE catalog_share_grant (
    id                    text        PRIMARY KEY,
    request_id            text        NOT NULL UNIQUE REFERENCES catalog_share_request (id),
    resource_code         text        NOT NULL,
    requesting_department text        NOT NULL,
    provider_department   text        NOT NULL,
    fields                text        NOT NULL,
    row_column            text,
    row_values            text[],
    valid_from            date        NOT NULL,
    valid_until           date        NOT NULL,
    calls_per_day         integer     NOT NULL CHECK (calls_per_day > 0),
    calls_per_second      integer     NOT NULL CHECK (calls_per_second > 0),
    granted_at            timestamptz NOT NULL,
    key_prefix            text,
    key_digest            bytea       UNIQUE,
    key_issued_at         timestamptz,
    revoked_at            timestamptz,
    revoked_by            text,
    revoke_reason         text
);
CREATE INDEX catalog_share_grant_requester ON catalog_share_grant (requesting_department);

-- Every call of the data API, refused ones too (grant_id is then the one in the path, maybe unknown).
CREATE TABLE catalog_share_call (
    id             bigserial   PRIMARY KEY,
    grant_id       text        NOT NULL,
    key_prefix     text,
    at             timestamptz NOT NULL,
    rows           integer     NOT NULL,
    status         integer     NOT NULL,
    latency_micros bigint      NOT NULL,
    reason         text
);
CREATE INDEX catalog_share_call_grant ON catalog_share_call (grant_id, at DESC);

-- The platform's sources, created only where their tables exist (a catalogue-only database has none of them).
DO $$
BEGIN
    IF to_regclass('iot_device') IS NOT NULL THEN
        EXECUTE 'CREATE VIEW catalog_src_iot_devices AS SELECT id AS device_id, type_code, name, vendor, lon, lat,'
            || ' address, division, department, state, installed_on FROM iot_device';
        INSERT INTO catalog_share_source VALUES
            ('iot.devices', 'catalog_src_iot_devices', 'IoT devices without maintainers'' contacts');
    END IF;
    IF to_regclass('casework_case') IS NOT NULL THEN
        EXECUTE 'CREATE VIEW catalog_src_casework_cases AS SELECT number AS case_number, channel, request_type,'
            || ' category_code, urgency, status, division_code, town_code, community_code, grid_code,'
            || ' received_at, closed_at FROM casework_case';
        INSERT INTO catalog_share_source VALUES
            ('casework.cases', 'catalog_src_casework_cases', 'Cases without callers or their words');
    END IF;
END
$$;
