-- The audit trail. Callers only ever INSERT (in their own transaction, so audited writes are not
-- throttled by the chain); one chainer later assigns chain_seq/prev_hash/hash in batches, and signed
-- checkpoints pin the chain with a key kept outside the database.
CREATE TABLE audit_record (
    id            bigserial   PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor_id      text        NOT NULL,
    actor_kind    text        NOT NULL,
    actor_name    text        NOT NULL,
    action        text        NOT NULL,
    target_type   text,
    target_id     text,
    division_code text,
    details       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    request_id    text,
    chain_seq     bigint      UNIQUE,
    prev_hash     bytea,
    hash          bytea,
    -- A row is either wholly unchained or wholly chained; never half.
    CONSTRAINT audit_record_chain_complete CHECK (
        (chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL)
        OR (chain_seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL))
);

-- The chainer's work queue: stays tiny because rows leave it within seconds.
CREATE INDEX audit_record_unchained ON audit_record (id) WHERE chain_seq IS NULL;
-- Search: newest first, optionally by actor, action prefix or target.
CREATE INDEX audit_record_occurred ON audit_record (occurred_at DESC, id DESC);
CREATE INDEX audit_record_actor ON audit_record (actor_id, occurred_at DESC);
CREATE INDEX audit_record_action ON audit_record (action text_pattern_ops);
CREATE INDEX audit_record_target ON audit_record (target_type, target_id, occurred_at DESC);

CREATE TABLE audit_checkpoint (
    chain_seq bigint      PRIMARY KEY,
    hash      bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL
);

-- Defence in depth against accidental edits by application code sharing the database user: rows
-- may only be inserted and then chained once, checkpoints only inserted. This stops no one who can
-- disable triggers; the hash chain and the signed checkpoints are what detect that.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE FUNCTION audit_record_chain_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.chain_seq IS NULL
        AND NEW.chain_seq IS NOT NULL
        AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_kind, NEW.actor_name, NEW.action,
             NEW.target_type, NEW.target_id, NEW.division_code, NEW.details, NEW.request_id)
            IS NOT DISTINCT FROM
            (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_kind, OLD.actor_name, OLD.action,
             OLD.target_type, OLD.target_id, OLD.division_code, OLD.details, OLD.request_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: record % may only be chained once', OLD.id
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER audit_record_chain_once
    BEFORE UPDATE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_chain_once();

CREATE TRIGGER audit_record_append_only
    BEFORE DELETE OR TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
