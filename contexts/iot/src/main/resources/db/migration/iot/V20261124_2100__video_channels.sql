-- Video channel catalogue (视频资源共享平台): channels with GB/T 28181 ids, sharing grants to
-- departments, and the log of every attempt to open a channel.

-- place_code is the deepest division containing the channel (grid, else community, else town): every
-- ancestor's code is a prefix of it, so one text_pattern_ops index serves division filters and scopes.
CREATE TABLE iot_video_channel (
    id                uuid PRIMARY KEY,
    gb_id             text NOT NULL UNIQUE CHECK (gb_id ~ '^[0-9]{20}$'),
    type_code         text NOT NULL,
    name              text NOT NULL,
    department        text NOT NULL,
    lon               double precision NOT NULL,
    lat               double precision NOT NULL,
    pt                point NOT NULL,
    address           text,
    division_code     text NOT NULL,
    grid_code         text,
    place_code        text NOT NULL,
    status            text NOT NULL CHECK (status IN ('ONLINE', 'OFFLINE', 'FAULTY', 'DECOMMISSIONED')),
    status_changed_at timestamptz NOT NULL,
    stream_url        text NOT NULL,
    ptz               boolean NOT NULL DEFAULT false,
    tags              text[] NOT NULL DEFAULT '{}',
    synthetic         boolean NOT NULL DEFAULT false,
    source            text NOT NULL,
    version           integer NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX iot_video_channel_place ON iot_video_channel (place_code text_pattern_ops, gb_id);
CREATE INDEX iot_video_channel_department ON iot_video_channel (department, gb_id);
CREATE INDEX iot_video_channel_status ON iot_video_channel (status, gb_id);
CREATE INDEX iot_video_channel_type ON iot_video_channel (type_code, gb_id);
CREATE INDEX iot_video_channel_pt ON iot_video_channel USING gist (pt);

-- A grant lets a department view a channel it does not own until expires_at; revoking keeps the row.
CREATE TABLE iot_video_grant (
    id          bigserial PRIMARY KEY,
    channel_id  uuid NOT NULL REFERENCES iot_video_channel (id),
    department  text NOT NULL,
    purpose     text,
    granted_by  text NOT NULL,
    granted_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_by  text,
    revoked_at  timestamptz
);
CREATE UNIQUE INDEX iot_video_grant_open ON iot_video_grant (channel_id, department) WHERE revoked_at IS NULL;
CREATE INDEX iot_video_grant_department ON iot_video_grant (department) WHERE revoked_at IS NULL;

-- Every attempt to open a channel, allowed or not; rows are only ever inserted.
CREATE TABLE iot_video_access (
    id          bigserial PRIMARY KEY,
    channel_id  uuid NOT NULL REFERENCES iot_video_channel (id),
    actor_id    text NOT NULL,
    actor_name  text NOT NULL,
    departments text[] NOT NULL,
    purpose     text NOT NULL,
    allowed     boolean NOT NULL,
    reason      text NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX iot_video_access_channel ON iot_video_access (channel_id, occurred_at DESC, id DESC);
