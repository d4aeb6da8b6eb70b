package org.cityos.iot;

import java.time.Instant;
import javax.sql.DataSource;
import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.Division;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.SyntheticPois;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Division rows with outlines cut from the real district outline, written through spatial's repositories as an
 * import leaves them; the iot fixtures differ only in which of the parts they seed.
 */
final class TestDivisions {
    private static final Instant SEEDED_AT = Instant.parse("2026-11-24T00:00:00Z");

    private TestDivisions() {}

    /** One division: its place in the tree and its outline. */
    record Row(DivisionCode code, DivisionCode parent, DivisionKind kind, String name, Geometry outline) {}

    /**
     * The real district outline and its parts: split at lon 116.45 into a west and an east town, the west town at
     * lat 39.70 into a south and a north part, and the south part's west (lon < 116.35) a grid.
     */
    record Outlines(Geometry district, Geometry west, Geometry east, Geometry south, Geometry north, Geometry grid) {
        static Outlines cut() {
            Geometry district = SyntheticPois.outline(SyntheticPois.DEFAULT_OUTLINE);
            Geometry west = district.intersection(box(116.0, 39.0, 116.45, 40.0));
            Geometry east = district.intersection(box(116.45, 39.0, 117.0, 40.0));
            Geometry south = west.intersection(box(116.0, 39.0, 117.0, 39.70));
            Geometry north = west.intersection(box(116.0, 39.70, 117.0, 40.0));
            Geometry grid = south.intersection(box(116.0, 39.0, 116.35, 40.0));
            return new Outlines(district, west, east, south, north, grid);
        }
    }

    private static Geometry box(double minX, double minY, double maxX, double maxY) {
        return new GeometryFactory().toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    /** Inserts the rows in order (parents first), each active, with its outline. */
    static void seed(JdbcClient jdbc, DataSource dataSource, Row... rows) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        DivisionRepository divisions = new DivisionRepository(jdbc, template);
        DivisionGeometryRepository geometries = new DivisionGeometryRepository(jdbc, template);
        for (Row row : rows) {
            divisions.insert(
                    new Division(row.code(), row.parent(), row.kind(), row.name(), true, "test", 0, SEEDED_AT),
                    SEEDED_AT);
            geometries.upsert(row.code(), row.outline(), 1.0, true, "test", SEEDED_AT);
        }
    }
}
