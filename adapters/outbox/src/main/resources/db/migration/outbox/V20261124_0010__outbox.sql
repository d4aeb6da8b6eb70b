-- Transactional outbox. Events are written in the same transaction as the change they describe;
-- the relay copies each one into a delivery row per subscribed consumer ("fan-out") and delivers
-- those rows after commit. The stored event is bus-neutral (type, key, JSON payload), so a later
-- Kafka relay can read the same table.

CREATE TABLE outbox_event (
    id          bigserial   PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    type        text        NOT NULL,
    key         text        NOT NULL,
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL,
    fanned_out  boolean     NOT NULL DEFAULT false
);

-- Only not-yet-fanned-out rows are ever scanned by the relay; a partial index keeps that scan
-- proportional to the backlog, not to the table.
CREATE INDEX outbox_event_unfanned_idx ON outbox_event (id) WHERE NOT fanned_out;

CREATE TABLE outbox_delivery (
    id              bigserial   PRIMARY KEY,
    event_id        uuid        NOT NULL REFERENCES outbox_event (event_id) ON DELETE CASCADE,
    consumer        text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- When a PENDING delivery is due; written from the application clock, never now(), so that
    -- every node and every test agrees on what "due" means.
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    -- Also serves lookups by event_id (leading column), e.g. the retention purge.
    UNIQUE (event_id, consumer)
);

-- The relay's claim query walks due PENDING rows in this order.
CREATE INDEX outbox_delivery_due_idx ON outbox_delivery (next_attempt_at, id) WHERE status = 'PENDING';

-- Parked rows are few and listed by operators; keep that lookup cheap.
CREATE INDEX outbox_delivery_parked_idx ON outbox_delivery (id) WHERE status = 'PARKED';
