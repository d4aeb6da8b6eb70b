-- Device registry: management classes, device types (as data), devices, device credentials, import jobs.

CREATE TABLE iot_component_class (
    code        text PRIMARY KEY,
    parent_code text,
    name_zh     text NOT NULL,
    name_en     text NOT NULL
);

-- A type's properties and commands are one JSON document: they are always read and written whole.
CREATE TABLE iot_device_type (
    code             text PRIMARY KEY,
    name_zh          text NOT NULL,
    name_en          text NOT NULL,
    domain           text NOT NULL,
    component_class  text,
    smart_data_model text,
    gateway          boolean NOT NULL DEFAULT false,
    definition       jsonb NOT NULL,
    builtin          boolean NOT NULL DEFAULT false,
    version          integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE iot_device (
    id                 text PRIMARY KEY,
    type_code          text NOT NULL REFERENCES iot_device_type (code),
    name               text NOT NULL,
    vendor             text,
    serial             text,
    lon                double precision NOT NULL,
    lat                double precision NOT NULL,
    position           point NOT NULL,
    address            text,
    division           text NOT NULL,
    department         text NOT NULL,
    maintainer_name    text,
    maintainer_contact text,
    maintainer_phone   text,
    installed_on       date,
    state              text NOT NULL,
    tags               text[] NOT NULL DEFAULT '{}',
    parent_id          text REFERENCES iot_device (id),
    shared_with        text[] NOT NULL DEFAULT '{}',
    version            integer NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT iot_device_serial_needs_vendor CHECK (serial IS NULL OR vendor IS NOT NULL)
);
-- A vendor's serial names one device; imports are idempotent on it.
CREATE UNIQUE INDEX iot_device_vendor_serial ON iot_device (vendor, serial) WHERE serial IS NOT NULL;
CREATE INDEX iot_device_type_idx ON iot_device (type_code, state);
CREATE INDEX iot_device_state_idx ON iot_device (state);
-- Division filters and scopes are code prefixes (LIKE '110115001%').
CREATE INDEX iot_device_division_idx ON iot_device (division text_pattern_ops);
CREATE INDEX iot_device_department_idx ON iot_device (department);
CREATE INDEX iot_device_tags_idx ON iot_device USING gin (tags);
CREATE INDEX iot_device_shared_idx ON iot_device USING gin (shared_with);
CREATE INDEX iot_device_position_idx ON iot_device USING gist (position);
CREATE INDEX iot_device_parent_idx ON iot_device (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX iot_device_name_idx ON iot_device (lower(name) text_pattern_ops);

-- Only a digest of each token is kept; a token finds its device in one unique-index lookup.
CREATE TABLE iot_device_credential (
    digest     bytea PRIMARY KEY,
    device_id  text NOT NULL REFERENCES iot_device (id),
    hint       text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX iot_device_credential_device ON iot_device_credential (device_id);

CREATE TABLE iot_device_import (
    id          uuid PRIMARY KEY,
    actor_id    text NOT NULL,
    filename    text NOT NULL,
    format      text NOT NULL,
    crs         text NOT NULL,
    dry_run     boolean NOT NULL,
    state       text NOT NULL,
    rows_read   integer NOT NULL DEFAULT 0,
    imported    integer NOT NULL DEFAULT 0,
    existing    integer NOT NULL DEFAULT 0,
    failed      integer NOT NULL DEFAULT 0,
    message_key text,
    message_args jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    finished_at timestamptz
);

CREATE TABLE iot_device_import_issue (
    import_id   uuid NOT NULL REFERENCES iot_device_import (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    row_number  integer NOT NULL,
    field       text,
    message_key text NOT NULL,
    args        jsonb NOT NULL,
    PRIMARY KEY (import_id, seq)
);
