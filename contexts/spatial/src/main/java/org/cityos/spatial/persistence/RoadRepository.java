package org.cityos.spatial.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadClass;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Roads as WKB lines with a GiST-indexed bounding box. */
@Repository
public class RoadRepository {
    private static final String COLUMNS = "id, name, class, geometry, synthetic";
    private final JdbcClient jdbc;

    public RoadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<Road> roads, String source, Instant now) {
        WKBWriter wkb = new WKBWriter();
        for (Road road : roads) {
            Envelope e = road.geometry().getEnvelopeInternal();
            jdbc.sql(
                            "INSERT INTO spatial_road (id, name, class, geometry, bbox, length_m, synthetic, source, created_at)"
                                    + " VALUES (?, ?, ?, ?, box(point(?, ?), point(?, ?)), ?, ?, ?, ?)")
                    .params(
                            road.id(),
                            road.name(),
                            road.roadClass().name(),
                            wkb.write(road.geometry()),
                            e.getMinX(),
                            e.getMinY(),
                            e.getMaxX(),
                            e.getMaxY(),
                            road.lengthMetres(),
                            road.synthetic(),
                            source,
                            Timestamp.from(now))
                    .update();
        }
    }

    public List<Road> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_road ORDER BY id")
                .query((rs, i) ->
                        road(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5)))
                .list();
    }

    /** Roads whose bounding box meets the envelope (WGS84), for map tiles and placement along roads. */
    public List<Road> within(Envelope e, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_road WHERE bbox && box(point(?, ?), point(?, ?))"
                        + " ORDER BY id LIMIT ?")
                .params(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), limit)
                .query((rs, i) ->
                        road(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM spatial_road").query(Long.class).single();
    }

    private static Road road(long id, String name, String roadClass, byte[] wkb, boolean synthetic) {
        try {
            return new Road(id, name, RoadClass.valueOf(roadClass), (LineString) new WKBReader().read(wkb), synthetic);
        } catch (ParseException e) {
            throw new IllegalStateException("stored road is not WKB", e);
        }
    }

    static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
