package org.cityos.spatial.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.kernel.DivisionCode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Division and grid boundaries as WKB with a GiST-indexed bounding box. */
@Repository
public class DivisionGeometryRepository {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DivisionGeometryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored boundary. */
    public record Stored(DivisionCode code, Geometry geometry, double areaM2, boolean synthetic, String source) {}

    private static final String UPSERT = "INSERT INTO spatial_division_geometry (code, geometry, bbox, area_m2,"
            + " synthetic, source, updated_at) VALUES (?, ?, box(point(?, ?), point(?, ?)), ?, ?, ?, ?)"
            + " ON CONFLICT (code) DO UPDATE SET geometry = EXCLUDED.geometry, bbox = EXCLUDED.bbox,"
            + " area_m2 = EXCLUDED.area_m2, synthetic = EXCLUDED.synthetic, source = EXCLUDED.source,"
            + " updated_at = EXCLUDED.updated_at";

    public void upsert(
            DivisionCode code, Geometry geometry, double areaM2, boolean synthetic, String source, Instant now) {
        upsertAll(List.of(new Stored(code, geometry, areaM2, synthetic, source)), now);
    }

    /** Stores many boundaries in JDBC batches. */
    public void upsertAll(List<Stored> all, Instant now) {
        batch.batchUpdate(UPSERT, all, 500, (ps, s) -> {
            Envelope e = s.geometry().getEnvelopeInternal();
            ps.setString(1, s.code().value());
            ps.setBytes(2, new WKBWriter().write(s.geometry()));
            ps.setDouble(3, e.getMinX());
            ps.setDouble(4, e.getMinY());
            ps.setDouble(5, e.getMaxX());
            ps.setDouble(6, e.getMaxY());
            ps.setDouble(7, s.areaM2());
            ps.setBoolean(8, s.synthetic());
            ps.setString(9, s.source());
            ps.setTimestamp(10, Timestamp.from(now));
        });
    }

    public Optional<Stored> find(DivisionCode code) {
        return jdbc.sql("SELECT code, geometry, area_m2, synthetic, source FROM spatial_division_geometry"
                        + " WHERE code = ?")
                .param(code.value())
                .query((rs, i) -> new Stored(
                        DivisionCode.of(rs.getString(1)),
                        read(rs.getBytes(2)),
                        rs.getDouble(3),
                        rs.getBoolean(4),
                        rs.getString(5)))
                .optional();
    }

    public List<Stored> all() {
        return jdbc.sql("SELECT code, geometry, area_m2, synthetic, source FROM spatial_division_geometry"
                        + " ORDER BY code")
                .query((rs, i) -> new Stored(
                        DivisionCode.of(rs.getString(1)),
                        read(rs.getBytes(2)),
                        rs.getDouble(3),
                        rs.getBoolean(4),
                        rs.getString(5)))
                .list();
    }

    /** Changes whenever a boundary is added, replaced or removed; cheap enough to poll. */
    public String fingerprint() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM spatial_division_geometry")
                .query(String.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM spatial_division_geometry")
                .query(Long.class)
                .single();
    }

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not WKB", e);
        }
    }
}
