-- Every change that can stop a device token (rotation, revocation, lifecycle change), so that each
-- node's credential cache forgets it within a second instead of waiting for the cache's lifetime.
CREATE TABLE iot_credential_change (
    seq        bigserial PRIMARY KEY,
    device_id  text NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX iot_credential_change_at ON iot_credential_change (changed_at);
