-- Roads of the district (WGS84 line as WKB) with a GiST-indexed bounding box for map tiles and
-- nearest-road queries; synthetic marks generated demo roads.
CREATE TABLE spatial_road (
    id         bigint PRIMARY KEY,
    name       text NOT NULL,
    class      text NOT NULL CHECK (class IN ('ARTERIAL', 'STREET', 'VILLAGE_ROAD')),
    geometry   bytea NOT NULL,
    bbox       box NOT NULL,
    length_m   double precision NOT NULL,
    synthetic  boolean NOT NULL,
    source     text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX spatial_road_bbox ON spatial_road USING gist (bbox);
CREATE INDEX spatial_road_name ON spatial_road (name);

-- The gazetteer: one row per addressable door (road + house number [+ compound, building, unit]).
-- location is a native point (lon, lat) with a GiST index for KNN (ORDER BY location <-> point).
CREATE TABLE spatial_address (
    id            bigint PRIMARY KEY,
    road_id       bigint REFERENCES spatial_road (id) ON DELETE CASCADE,
    district      text,
    town          text,
    community     text,
    road          text,
    house_number  text,
    compound      text,
    building      text,
    unit          text,
    room          text,
    aliases       text[] NOT NULL DEFAULT '{}',
    lon           double precision NOT NULL,
    lat           double precision NOT NULL,
    location      point NOT NULL,
    town_code     text,
    division_code text,
    grid_code     text,
    synthetic     boolean NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX spatial_address_location ON spatial_address USING gist (location);
CREATE INDEX spatial_address_road ON spatial_address (road_id);
CREATE INDEX spatial_address_division ON spatial_address (division_code text_pattern_ops);
