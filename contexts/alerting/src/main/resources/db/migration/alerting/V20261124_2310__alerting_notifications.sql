-- Alarm notifications: channels (where notices go), deliveries (one per alarm event and channel, sent and
-- retried by a dispatcher on any node), the flapping pause, and the feed every node's live stream reads.

CREATE TABLE alerting_channel (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('WEBHOOK', 'EMAIL', 'SMS')),
    url               text,
    -- The webhook's HMAC key. Kept in clear because signing needs it; the API only ever shows it masked.
    secret            text,
    recipients        text[]      NOT NULL DEFAULT '{}',
    phones            text[]      NOT NULL DEFAULT '{}',
    gateway           text,
    min_severity      text        NOT NULL CHECK (min_severity IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    events            text[]      NOT NULL DEFAULT '{}',
    rule_ids          text[]      NOT NULL DEFAULT '{}',
    division_prefixes text[]      NOT NULL DEFAULT '{}',
    enabled           boolean     NOT NULL,
    version           integer     NOT NULL,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE alerting_notification (
    id              uuid        PRIMARY KEY,
    channel_id      uuid        NOT NULL REFERENCES alerting_channel (id) ON DELETE CASCADE,
    -- The alarm event's id on the event bus: a redelivered event finds its rows and adds none.
    event_id        uuid        NOT NULL,
    change          text        NOT NULL,
    alarm_id        text        NOT NULL,
    severity        text        NOT NULL,
    -- What is sent, fixed when the event arrived so that every retry sends the same.
    body            text        NOT NULL,
    subject         text        NOT NULL,
    message         text        NOT NULL,
    status          text        NOT NULL
                                CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts        integer     NOT NULL DEFAULT 0,
    -- PENDING: when due. SENDING: when the node that claimed it is presumed dead. Written from the
    -- application clock, never now(), so that nodes and tests agree on what is due.
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL,
    UNIQUE (event_id, channel_id)
);

CREATE INDEX alerting_notification_due_idx
    ON alerting_notification (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX alerting_notification_channel_idx ON alerting_notification (channel_id, created_at DESC);
CREATE INDEX alerting_notification_alarm_idx ON alerting_notification (alarm_id);

-- Alarms whose notices pause because they flap; the row goes when the alarm settles or is resolved.
CREATE TABLE alerting_notification_flap (
    alarm_id      text        PRIMARY KEY,
    event_id      uuid        NOT NULL,
    since         timestamptz NOT NULL,
    last_event_at timestamptz NOT NULL
);

-- Alarm events for the live streams. Every node reads this to push to its own subscribers (a bus consumer
-- runs on one node only); rows are kept for minutes.
CREATE TABLE alerting_notification_feed (
    id          bigserial   PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    change      text        NOT NULL,
    alarm_id    text        NOT NULL,
    division    text,
    payload     text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX alerting_notification_feed_recorded_idx ON alerting_notification_feed (recorded_at);
