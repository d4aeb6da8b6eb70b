-- The data resource catalogue: the current version of each entry (for reading and search), every version
-- (the history, never rewritten), and the ledger that makes the history tamper-evident (ADR 0016).

CREATE TABLE catalog_entry (
    code                text        PRIMARY KEY,
    version             integer     NOT NULL,
    status              text        NOT NULL,
    resource_class      smallint    NOT NULL,
    name                text        NOT NULL,
    provider_department text        NOT NULL,
    sharing_type        text        NOT NULL,
    open_type           text        NOT NULL,
    -- name, summary and data items in one lower-cased text, searched by substring (ADR 0017)
    search_text         text        NOT NULL,
    changed_at          timestamptz NOT NULL
);
CREATE INDEX catalog_entry_department ON catalog_entry (provider_department);

CREATE TABLE catalog_entry_version (
    code       text        NOT NULL REFERENCES catalog_entry (code),
    version    integer     NOT NULL,
    -- the version's metadata as JSON text, kept byte for byte: its digest is on the ledger
    content    text        NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    reason     text,
    PRIMARY KEY (code, version)
);

CREATE TABLE catalog_ledger (
    id             bigserial   PRIMARY KEY,
    kind           text        NOT NULL,
    subject        text        NOT NULL,
    subject_version integer    NOT NULL,
    content_digest bytea       NOT NULL,
    recorded_at    timestamptz NOT NULL,
    chain_seq      bigint      UNIQUE,
    prev_hash      bytea,
    hash           bytea
);
CREATE INDEX catalog_ledger_unchained ON catalog_ledger (id) WHERE chain_seq IS NULL;
CREATE INDEX catalog_ledger_subject ON catalog_ledger (kind, subject, subject_version);

CREATE TABLE catalog_ledger_checkpoint (
    chain_seq bigint      PRIMARY KEY,
    hash      bytea       NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL
);
