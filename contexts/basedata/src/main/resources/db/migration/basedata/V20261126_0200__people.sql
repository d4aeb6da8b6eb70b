-- Population base database: department files (batches), the rows they gave (source records), the
-- golden records matched from them, and why each pair was matched. Golden records and matches are
-- rebuilt by a resolution run; source records are only ever appended.

CREATE TABLE basedata_batch (
    id            bigserial PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('person', 'organisation')),
    department    text        NOT NULL,
    file_name     text        NOT NULL,
    charset       text        NOT NULL,
    received_at   timestamptz NOT NULL,
    actor_id      text        NOT NULL,
    rows_read     integer     NOT NULL DEFAULT 0,
    rows_stored   integer     NOT NULL DEFAULT 0,
    rows_rejected integer     NOT NULL DEFAULT 0,
    issues        jsonb       NOT NULL DEFAULT '[]',
    synthetic     boolean     NOT NULL DEFAULT false
);

CREATE TABLE basedata_person_source (
    id                   bigserial PRIMARY KEY,
    batch_id             bigint      NOT NULL REFERENCES basedata_batch (id),
    row_no               integer     NOT NULL,
    department           text        NOT NULL,
    recorded_at          timestamptz NOT NULL,
    id_number            text,
    id_number_written    text,
    name                 text        NOT NULL,
    gender               text,
    birth_date           date,
    household_text       text,
    household_canonical  text,
    household_address_id bigint,
    household_confidence real,
    household_division   text,
    residence_text       text,
    residence_canonical  text,
    residence_address_id bigint,
    residence_confidence real,
    residence_division   text,
    phone                text,
    division_code        text,
    synthetic            boolean     NOT NULL DEFAULT false,
    UNIQUE (batch_id, row_no)
);

CREATE TABLE basedata_person (
    id                   bigint PRIMARY KEY,
    id_number            text,
    name                 text,
    gender               text,
    birth_date           date,
    household_text       text,
    household_canonical  text,
    household_address_id bigint,
    household_confidence real,
    household_division   text,
    residence_text       text,
    residence_canonical  text,
    residence_address_id bigint,
    residence_confidence real,
    residence_division   text,
    phone                text,
    division_code        text,
    sources              integer     NOT NULL,
    synthetic            boolean     NOT NULL,
    lineage              jsonb       NOT NULL,
    resolved_at          timestamptz NOT NULL
);

CREATE TABLE basedata_person_member (
    source_id bigint PRIMARY KEY,
    person_id bigint NOT NULL
);

CREATE TABLE basedata_person_match (
    source_id       bigint  NOT NULL,
    other_source_id bigint  NOT NULL,
    rule            text    NOT NULL,
    score           real    NOT NULL,
    explanation     text    NOT NULL,
    merged          boolean NOT NULL
);

-- Access to unmasked field groups short of PII_UNMASK: granted per user and group, until it expires.
CREATE TABLE basedata_unmask_grant (
    actor_id    text        NOT NULL,
    field_group text        NOT NULL,
    granted_by  text        NOT NULL,
    granted_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (actor_id, field_group)
);
