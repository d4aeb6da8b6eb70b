-- Alerting: rules as data, alarms with their lifecycle and steps, and the engine's per-subject state.

CREATE TABLE alerting_rule (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    severity    text NOT NULL,
    definition  jsonb NOT NULL,
    divisions   text[] NOT NULL DEFAULT '{}',
    enabled     boolean NOT NULL,
    failure     text,
    template    text,
    version     integer NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE alerting_alarm (
    id                  text PRIMARY KEY,
    rule_id             text NOT NULL,
    rule_version        integer NOT NULL,
    rule_name           text NOT NULL,
    template            text,
    kind                text NOT NULL,
    severity            text NOT NULL,
    subject             text NOT NULL,
    device_id           text,
    device_type         text,
    division            text COLLATE "C",
    lon                 double precision,
    lat                 double precision,
    title               text NOT NULL,
    detail              jsonb,
    status              text NOT NULL,
    raised_at           timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    repeat_count        integer NOT NULL DEFAULT 0,
    acknowledged_by     text,
    acknowledged_at     timestamptz,
    cleared_by          text,
    cleared_at          timestamptz,
    resolved_by         text,
    resolved_at         timestamptz,
    escalation_level    integer NOT NULL DEFAULT 0,
    escalate_at         timestamptz,
    escalated_at        timestamptz,
    flapping            boolean NOT NULL DEFAULT false,
    flap_count          integer NOT NULL DEFAULT 0,
    clear_pending_since timestamptz,
    version             integer NOT NULL DEFAULT 1
);

-- One open alarm per rule and subject: the database refuses a duplicate even from two nodes at once.
CREATE UNIQUE INDEX alerting_alarm_open ON alerting_alarm (rule_id, subject)
    WHERE status IN ('RAISED', 'ACKNOWLEDGED');
CREATE INDEX alerting_alarm_raised ON alerting_alarm (raised_at DESC);
CREATE INDEX alerting_alarm_division ON alerting_alarm (division, raised_at DESC);
CREATE INDEX alerting_alarm_device ON alerting_alarm (device_id, raised_at DESC);
CREATE INDEX alerting_alarm_rule_subject ON alerting_alarm (rule_id, subject, cleared_at DESC);
CREATE INDEX alerting_alarm_escalation ON alerting_alarm (escalate_at) WHERE status = 'RAISED';
CREATE INDEX alerting_alarm_pending_clear ON alerting_alarm (clear_pending_since) WHERE flapping;

CREATE TABLE alerting_alarm_step (
    id        bigserial PRIMARY KEY,
    alarm_id  text NOT NULL REFERENCES alerting_alarm (id),
    action    text NOT NULL,
    actor     text,
    note      text,
    at        timestamptz NOT NULL
);
CREATE INDEX alerting_alarm_step_alarm ON alerting_alarm_step (alarm_id, id);

CREATE TABLE alerting_rule_state (
    rule_id       text NOT NULL,
    subject       text NOT NULL,
    rule_version  integer NOT NULL,
    state         jsonb NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (rule_id, subject)
);
