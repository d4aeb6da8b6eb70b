-- Thematic layers (专题图层): a registry of layers and the features each one serves. Geometry is WKB
-- (WGS84) beside native box/point columns with GiST indexes, so bbox queries need no PostGIS.
CREATE TABLE spatial_layer (
    id                  text PRIMARY KEY,
    title_zh            text NOT NULL,
    title_en            text NOT NULL,
    description         text NOT NULL DEFAULT '',
    owner_department    text NOT NULL,
    geometry_type       text NOT NULL CHECK (geometry_type IN ('POINT', 'LINE', 'POLYGON', 'MIXED')),
    style               jsonb NOT NULL DEFAULT '{}',
    update_frequency    text NOT NULL,
    access_level        text NOT NULL CHECK (access_level IN ('PUBLIC', 'INTERNAL', 'RESTRICTED')),
    reader_departments  text[] NOT NULL DEFAULT '{}',
    synthetic           boolean NOT NULL DEFAULT false,
    version             integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- Kept up to date by every feature write so that listing 250 collections with extents is one read.
    feature_count       bigint NOT NULL DEFAULT 0,
    extent              box,
    earliest            timestamptz,
    latest              timestamptz,
    -- Bumped by every feature write; nodes compare it to know when their in-memory clusters are stale.
    features_version    bigint NOT NULL DEFAULT 0
);

CREATE TABLE spatial_feature (
    layer_id    text NOT NULL REFERENCES spatial_layer (id) ON DELETE CASCADE,
    feature_id  text NOT NULL,
    -- Insertion order, so pages come back in the order a file listed its features.
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    geometry    bytea NOT NULL,
    bbox        box NOT NULL,
    point       point,
    properties  jsonb NOT NULL DEFAULT '{}',
    datetime    timestamptz,
    PRIMARY KEY (layer_id, feature_id)
);
CREATE INDEX spatial_feature_order ON spatial_feature (layer_id, seq);
CREATE INDEX spatial_feature_bbox ON spatial_feature USING gist (bbox);
CREATE INDEX spatial_feature_point ON spatial_feature USING gist (point);
CREATE INDEX spatial_feature_datetime ON spatial_feature (layer_id, datetime);
