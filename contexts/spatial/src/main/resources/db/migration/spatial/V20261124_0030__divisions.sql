-- Divisions: the tree district -> town/subdistrict -> community/village -> grid, keyed by code.
CREATE TABLE spatial_division (
    code        text PRIMARY KEY,
    parent_code text REFERENCES spatial_division (code),
    level       text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'TOWN', 'COMMUNITY', 'GRID')),
    kind        text NOT NULL,
    name        text NOT NULL,
    synthetic   boolean NOT NULL DEFAULT false,
    source      text NOT NULL,
    version     integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX spatial_division_parent ON spatial_division (parent_code);
-- Prefix search for scope filters (code LIKE '110115005%').
CREATE INDEX spatial_division_code_prefix ON spatial_division (code text_pattern_ops);
