-- Sharing requests between departments and the provider's decision on each (issue 10 part 5, first slice). The
-- decision is kept as JSON text byte for byte, because its digest is on the catalogue ledger (kind share-decision).

CREATE TABLE catalog_share_request (
    id                    text        PRIMARY KEY,
    resource_code         text        NOT NULL REFERENCES catalog_entry (code),
    requesting_department text        NOT NULL,
    provider_department   text        NOT NULL,
    purpose               text        NOT NULL,
    fields                text        NOT NULL,
    period_from           date        NOT NULL,
    period_to             date        NOT NULL,
    requested_by          text        NOT NULL,
    requested_at          timestamptz NOT NULL,
    decision_due          timestamptz NOT NULL,
    status                text        NOT NULL,
    version               integer     NOT NULL,
    decision_content      text,
    decided_by            text,
    decided_at            timestamptz,
    decision_reason       text
);
CREATE INDEX catalog_share_provider ON catalog_share_request (provider_department, status);
CREATE INDEX catalog_share_requester ON catalog_share_request (requesting_department, status);
