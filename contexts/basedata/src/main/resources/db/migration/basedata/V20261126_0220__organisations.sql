-- Legal-entity base database: organisations as department files gave them (source records) and the
-- golden record per unified social credit code, rebuilt by a resolution run.

CREATE TABLE basedata_organisation_source (
    id                   bigserial PRIMARY KEY,
    batch_id             bigint      NOT NULL REFERENCES basedata_batch (id),
    row_no               integer     NOT NULL,
    department           text        NOT NULL,
    recorded_at          timestamptz NOT NULL,
    credit_code          text,
    name                 text        NOT NULL,
    legal_representative text,
    address_text         text,
    address_canonical    text,
    address_id           bigint,
    address_confidence   real,
    address_division     text,
    industry             text,
    status               text,
    synthetic            boolean     NOT NULL DEFAULT false,
    UNIQUE (batch_id, row_no)
);

CREATE TABLE basedata_organisation (
    id                   bigint PRIMARY KEY,
    credit_code          text,
    name                 text        NOT NULL,
    legal_representative text,
    address_text         text,
    address_canonical    text,
    address_id           bigint,
    address_confidence   real,
    address_division     text,
    industry             text,
    status               text,
    sources              integer     NOT NULL,
    synthetic            boolean     NOT NULL,
    lineage              jsonb       NOT NULL,
    resolved_at          timestamptz NOT NULL
);

CREATE INDEX basedata_organisation_credit_code ON basedata_organisation (credit_code);
CREATE INDEX basedata_organisation_name ON basedata_organisation (name);
CREATE INDEX basedata_organisation_division ON basedata_organisation (address_division text_pattern_ops);
