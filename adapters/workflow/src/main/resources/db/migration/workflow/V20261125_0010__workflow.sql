-- Durable timers and approvals shared by every context (ADR 0014). Plain rows in the application's own
-- database, so a timer fires in the same transaction as the writes of the handler it wakes.

-- Every (re)schedule takes a new revision: a runner deletes a fired timer only if it still has the revision it
-- claimed, so a handler that schedules its own key again (a recurring reminder) keeps the new timer.
CREATE SEQUENCE workflow_timer_revision;

CREATE TABLE workflow_timer (
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    name            text        NOT NULL,
    -- When the timer is due, as its owner asked; kept through retries so lag is measured against it.
    due_at          timestamptz NOT NULL,
    data            jsonb       NOT NULL DEFAULT '{}',
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    -- When a runner may next claim it: due_at until a failed attempt pushes it back. Written from the
    -- application clock, never now(), so that every node and every test agrees on what "due" means.
    next_attempt_at timestamptz NOT NULL,
    parked          boolean     NOT NULL DEFAULT false,
    revision        bigint      NOT NULL,
    PRIMARY KEY (kind, subject, name)
);

-- The claim query walks this index from its oldest entry and stops after a batch, so its cost depends on how
-- many timers are due, not on the million that wait for later days. Parked rows never enter it.
CREATE INDEX workflow_timer_due_idx ON workflow_timer (next_attempt_at) WHERE NOT parked;

-- Parked timers are few and listed by operators.
CREATE INDEX workflow_timer_parked_idx ON workflow_timer (kind) WHERE parked;

CREATE TABLE workflow_approval (
    id                text        PRIMARY KEY,
    kind              text        NOT NULL,
    subject           text        NOT NULL,
    requested_by      text        NOT NULL,
    requested_by_name text        NOT NULL,
    reason            text        NOT NULL,
    payload           jsonb       NOT NULL,
    -- Approver labels in order (unit refs, roles): the engine records who decided, callers authorise.
    steps             jsonb       NOT NULL,
    current_step      integer     NOT NULL DEFAULT 0,
    status            text        NOT NULL
                      CHECK (status IN ('PENDING', 'APPROVED', 'NARROWED', 'REFUSED', 'EXPIRED', 'WITHDRAWN')),
    due_at            timestamptz,
    requested_at      timestamptz NOT NULL,
    closed_at         timestamptz,
    version           integer     NOT NULL DEFAULT 0
);

CREATE INDEX workflow_approval_subject_idx ON workflow_approval (kind, subject, requested_at);
CREATE INDEX workflow_approval_pending_idx ON workflow_approval (kind, due_at) WHERE status = 'PENDING';

CREATE TABLE workflow_approval_decision (
    approval_id      text        NOT NULL REFERENCES workflow_approval (id) ON DELETE CASCADE,
    step             integer     NOT NULL,
    decided_by       text        NOT NULL,
    decided_by_name  text        NOT NULL,
    outcome          text        NOT NULL CHECK (outcome IN ('APPROVED', 'NARROWED', 'REFUSED', 'WITHDRAWN')),
    note             text,
    narrowed_payload jsonb,
    decided_at       timestamptz NOT NULL,
    -- One decision per step: a second decider on the same step loses on this key even if versions were skipped.
    PRIMARY KEY (approval_id, step)
);
