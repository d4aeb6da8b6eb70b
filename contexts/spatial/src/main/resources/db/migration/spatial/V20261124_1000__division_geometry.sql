-- Boundaries of divisions and grids (WGS84). The geometry is WKB; the bounding box is a native
-- PostgreSQL box with a GiST index for bbox queries, so no PostGIS is needed.
CREATE TABLE spatial_division_geometry (
    code       text PRIMARY KEY REFERENCES spatial_division (code) ON DELETE CASCADE,
    geometry   bytea NOT NULL,
    bbox       box NOT NULL,
    area_m2    double precision NOT NULL,
    synthetic  boolean NOT NULL,
    source     text NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX spatial_division_geometry_bbox ON spatial_division_geometry USING gist (bbox);
