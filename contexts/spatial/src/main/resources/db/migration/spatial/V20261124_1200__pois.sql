-- Points of interest (兴趣点): a class catalogue kept as data, the POIs themselves, and import jobs.

CREATE TABLE spatial_poi_class (
    code       text PRIMARY KEY,
    name_zh    text NOT NULL,
    name_en    text NOT NULL,
    icon       text NOT NULL,
    colour     text NOT NULL,
    sort_order integer NOT NULL,
    version    integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

INSERT INTO spatial_poi_class (code, name_zh, name_en, icon, colour, sort_order, created_at, updated_at)
SELECT c.code, c.name_zh, c.name_en, c.icon, c.colour, c.sort_order, now(), now()
FROM (VALUES
    ('government',         '政府机关',     'Government office',         'landmark',       '#C0392B', 1),
    ('school',             '学校',         'School',                    'school',         '#2980B9', 2),
    ('hospital',           '医院',         'Hospital',                  'hospital',       '#E74C3C', 3),
    ('elderly-care',       '养老机构',     'Elderly care home',         'elderly',        '#AF7AC5', 4),
    ('hazmat-enterprise',  '危化品企业',   'Hazardous chemicals firm',  'hazard',         '#D35400', 5),
    ('bus-stop',           '公交站',       'Bus stop',                  'bus',            '#1ABC9C', 6),
    ('fuel-station',       '加油站',       'Fuel station',              'fuel',           '#F39C12', 7),
    ('mall',               '商场',         'Shopping mall',             'shopping',       '#E67E22', 8),
    ('park',               '公园',         'Park',                      'park',           '#27AE60', 9),
    ('community-centre',   '社区服务中心', 'Community service centre',  'community',      '#16A085', 10),
    ('police-station',     '派出所',       'Police station',            'police',         '#34495E', 11),
    ('fire-station',       '消防站',       'Fire station',              'fire-station',   '#C0392B', 12),
    ('parking',            '停车场',       'Car park',                  'parking',        '#5D6D7E', 13),
    ('bank',               '银行',         'Bank',                      'bank',           '#B7950B', 14),
    ('hotel',              '酒店',         'Hotel',                     'hotel',          '#8E44AD', 15),
    ('restaurant',         '餐饮',         'Restaurant',                'restaurant',     '#DC7633', 16),
    ('farmers-market',     '农贸市场',     'Farmers'' market',          'market',         '#7DCEA0', 17),
    ('factory',            '工厂',         'Factory',                   'factory',        '#7F8C8D', 18),
    ('office-building',    '写字楼',       'Office building',           'office',         '#5499C7', 19),
    ('residential-estate', '住宅小区',     'Residential estate',        'home',           '#F5B041', 20),
    ('scenic-spot',        '景点',         'Scenic spot',               'attraction',     '#48C9B0', 21),
    ('sports-venue',       '体育场馆',     'Sports venue',              'stadium',        '#3498DB', 22),
    ('waste-transfer',     '垃圾转运站',   'Waste transfer station',    'recycling',      '#6E2C00', 23),
    ('charging-station',   '充电站',       'EV charging station',       'charging',       '#2ECC71', 24)
) AS c (code, name_zh, name_en, icon, colour, sort_order);

-- lon/lat are WGS84. pt is the same position in a local metric projection (x = lon·cos(φ0)·111320,
-- y = lat·110574, φ0 in spatial_poi_projection) so that GiST KNN (pt <-> point) orders by metres.
CREATE TABLE spatial_poi (
    id            uuid PRIMARY KEY,
    class_code    text NOT NULL REFERENCES spatial_poi_class (code),
    name          text NOT NULL,
    lon           double precision NOT NULL,
    lat           double precision NOT NULL,
    pt            point NOT NULL,
    division_code text NOT NULL,
    grid_code     text,
    address       text,
    phone         text,
    attributes    jsonb NOT NULL DEFAULT '{}'::jsonb,
    external_id   text UNIQUE,
    synthetic     boolean NOT NULL DEFAULT false,
    source        text NOT NULL,
    version       integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX spatial_poi_pt ON spatial_poi USING gist (pt);
CREATE INDEX spatial_poi_division ON spatial_poi (division_code text_pattern_ops);
CREATE INDEX spatial_poi_grid ON spatial_poi (grid_code text_pattern_ops);
CREATE INDEX spatial_poi_class_code ON spatial_poi (class_code);
CREATE INDEX spatial_poi_updated ON spatial_poi (updated_at);

-- The reference latitude the stored pt values were projected with; a change of configuration
-- re-projects every row at start-up.
CREATE TABLE spatial_poi_projection (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    reference_latitude double precision NOT NULL
);

-- Import jobs: progress and outcome visible from every node while one node processes the file.
CREATE TABLE spatial_poi_import (
    id           uuid PRIMARY KEY,
    actor_id     text NOT NULL,
    filename     text NOT NULL,
    format       text NOT NULL,
    crs          text NOT NULL,
    dry_run      boolean NOT NULL,
    state        text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_read    integer NOT NULL DEFAULT 0,
    imported     integer NOT NULL DEFAULT 0,
    updated      integer NOT NULL DEFAULT 0,
    unchanged    integer NOT NULL DEFAULT 0,
    failed       integer NOT NULL DEFAULT 0,
    message_key  text,
    message_args jsonb,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    finished_at  timestamptz
);
CREATE INDEX spatial_poi_import_state ON spatial_poi_import (state, updated_at);

CREATE TABLE spatial_poi_import_issue (
    import_id   uuid NOT NULL REFERENCES spatial_poi_import (id) ON DELETE CASCADE,
    seq         integer NOT NULL,
    row_number  integer NOT NULL,
    row_key     text,
    field       text NOT NULL,
    message_key text NOT NULL,
    args        jsonb NOT NULL,
    PRIMARY KEY (import_id, seq)
);
