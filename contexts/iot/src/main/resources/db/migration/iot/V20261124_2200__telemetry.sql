-- Telemetry: one row per reading, range-partitioned by reading time (one partition per UTC day, created ahead
-- by TelemetryPartitions; far outliers land in the default partition). Written only by batched COPY.
-- Ids and property names compare bytewise (COLLATE "C"): cheaper index maintenance on the hot path.
CREATE TABLE iot_telemetry (
    device_id   text COLLATE "C" NOT NULL,
    property    text COLLATE "C" NOT NULL,
    ts          timestamptz      NOT NULL,
    num         double precision,
    txt         text,
    flags       smallint         NOT NULL DEFAULT 0,
    received_at timestamptz      NOT NULL
) PARTITION BY RANGE (ts);

CREATE TABLE iot_telemetry_default PARTITION OF iot_telemetry DEFAULT;
CREATE INDEX iot_telemetry_series ON iot_telemetry (device_id, property, ts);
CREATE INDEX iot_telemetry_ts_brin ON iot_telemetry USING brin (ts);
CREATE INDEX iot_telemetry_received_brin ON iot_telemetry USING brin (received_at);

-- Rollups kept by TelemetryRollups from rows by ingestion window, so late readings still land in their bucket.
CREATE TABLE iot_telemetry_1m (
    device_id text COLLATE "C" NOT NULL,
    property  text COLLATE "C" NOT NULL,
    bucket    timestamptz      NOT NULL,
    n         bigint           NOT NULL,
    total     double precision NOT NULL,
    lo        double precision NOT NULL,
    hi        double precision NOT NULL,
    PRIMARY KEY (device_id, property, bucket)
);
CREATE TABLE iot_telemetry_1h (LIKE iot_telemetry_1m INCLUDING ALL);
CREATE INDEX iot_telemetry_1m_bucket ON iot_telemetry_1m USING brin (bucket);
CREATE INDEX iot_telemetry_1h_bucket ON iot_telemetry_1h USING brin (bucket);

-- How far the rollups have read (received_at, exclusive).
CREATE TABLE iot_rollup_watermark (
    name       text PRIMARY KEY,
    reached    timestamptz NOT NULL
);

-- Latest value per device and property, flushed from the node's cache; the cache is the fresh copy.
CREATE TABLE iot_device_latest (
    device_id   text PRIMARY KEY,
    last_seen   timestamptz NOT NULL,
    first_seen  timestamptz NOT NULL,
    online      boolean     NOT NULL,
    readings    jsonb       NOT NULL,
    attributes  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL
);

-- Idempotency: a message or batch id seen once per device (kept for the receipt retention).
CREATE TABLE iot_ingest_receipt (
    device_id   text        NOT NULL,
    message_id  text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (device_id, message_id)
);
CREATE INDEX iot_ingest_receipt_age ON iot_ingest_receipt USING brin (received_at);

-- Messages that could not become readings: raw payload, who sent it, why. Never deleted silently.
CREATE TABLE iot_dead_letter (
    id            bigserial PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    device_id     text,
    type_code     text,
    channel       text        NOT NULL,
    kind          text        NOT NULL,
    form          text,
    integration_id text,
    reason_code   text        NOT NULL,
    reason        text        NOT NULL,
    payload       bytea       NOT NULL,
    status        text        NOT NULL DEFAULT 'NEW',
    attempts      int         NOT NULL DEFAULT 1,
    resolved_at   timestamptz,
    resolved_by   text
);
CREATE INDEX iot_dead_letter_open ON iot_dead_letter (status, received_at DESC);
CREATE INDEX iot_dead_letter_device ON iot_dead_letter (device_id, received_at DESC);

-- Device events (button pressed, fault raised …) are rare and kept whole.
CREATE TABLE iot_device_event (
    id          bigserial PRIMARY KEY,
    device_id   text        NOT NULL,
    ts          timestamptz NOT NULL,
    name        text        NOT NULL,
    data        jsonb       NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX iot_device_event_device ON iot_device_event (device_id, ts DESC);

-- Platform integrations (operator / vendor platforms pushing by HTTP).
CREATE TABLE iot_integration (
    id            text PRIMARY KEY,
    name          text        NOT NULL,
    token_digest  bytea       NOT NULL UNIQUE,
    token_hint    text        NOT NULL,
    form          text,
    mapping       jsonb,
    device_key_path text      NOT NULL,
    device_key_kind text      NOT NULL,
    vendor        text,
    type_code     text,
    items_path    text,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       int         NOT NULL DEFAULT 0
);

-- Per-type payload mappings (declarative, no code).
CREATE TABLE iot_payload_mapping (
    type_code   text PRIMARY KEY,
    form        text,
    mapping     jsonb,
    updated_at  timestamptz NOT NULL
);

-- Downlink: commands and attribute writes with their delivery status.
CREATE TABLE iot_device_command (
    id           text PRIMARY KEY,
    device_id    text        NOT NULL,
    kind         text        NOT NULL,
    name         text        NOT NULL,
    params       jsonb       NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    expires_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    done_at      timestamptz,
    attempts     int         NOT NULL DEFAULT 0,
    result       text
);
CREATE INDEX iot_device_command_pending ON iot_device_command (device_id, created_at) WHERE status IN ('QUEUED', 'SENT');
CREATE INDEX iot_device_command_device ON iot_device_command (device_id, created_at DESC);
