-- Organisation matching beyond the credit code: the older keys a file may carry instead (the organisation
-- code, which the credit code embeds, and the 15-digit registration number), which source record belongs to
-- which golden record, and every match decision (exact keys, fuzzy merges, possible matches for a steward).

ALTER TABLE basedata_organisation_source
    ADD COLUMN organisation_code   text,
    ADD COLUMN registration_number text;

CREATE TABLE basedata_organisation_member (
    source_id       bigint PRIMARY KEY,
    organisation_id bigint NOT NULL
);

CREATE TABLE basedata_organisation_match (
    source_id       bigint  NOT NULL,
    other_source_id bigint  NOT NULL,
    rule            text    NOT NULL,
    score           real    NOT NULL,
    explanation     text    NOT NULL,
    merged          boolean NOT NULL
);

CREATE INDEX basedata_organisation_member_organisation ON basedata_organisation_member (organisation_id);
CREATE INDEX basedata_organisation_match_source ON basedata_organisation_match (source_id);
CREATE INDEX basedata_organisation_match_other ON basedata_organisation_match (other_source_id);
-- the steward's queue reads only the undecided pairs
CREATE INDEX basedata_organisation_match_possible ON basedata_organisation_match (score DESC)
    WHERE rule = 'possible';
