package org.cityos.spatial.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.FeatureTimeFilter;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerId;
import org.cityos.spatial.internal.layers.LayerPoints;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Features of layers in {@code spatial_feature}: WKB geometry with a GiST-indexed box (all features)
 * and point (point features). Bulk writes go in chunks of arrays unnested by PostgreSQL: one round
 * trip per chunk instead of one per feature.
 */
@Repository
public class LayerFeatureRepository {
    private static final int CHUNK = 2_000;
    private static final String COLUMNS = "feature_id, geometry, properties::text, datetime";
    private static final String INSERT = "INSERT INTO spatial_feature (layer_id, feature_id, geometry, bbox, point,"
            + " properties, datetime) SELECT ?, u.id, u.g, box(point(u.x1, u.y1), point(u.x2, u.y2)),"
            + " CASE WHEN u.px IS NULL THEN NULL ELSE point(u.px, u.py) END, u.p::jsonb, u.t::timestamptz"
            + " FROM unnest(?::text[], ?::bytea[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],"
            + " ?::float8[], ?::float8[], ?::text[], ?::text[]) AS u(id, g, x1, y1, x2, y2, px, py, p, t)";
    private static final String UPSERT = INSERT
            + " ON CONFLICT (layer_id, feature_id) DO UPDATE SET geometry = EXCLUDED.geometry, bbox = EXCLUDED.bbox,"
            + " point = EXCLUDED.point, properties = EXCLUDED.properties, datetime = EXCLUDED.datetime";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public LayerFeatureRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the features; an id the layer holds already is replaced in place (keeping its position). */
    public void upsert(LayerId layer, List<LayerFeature> features) {
        for (int from = 0; from < features.size(); from += CHUNK) {
            List<LayerFeature> chunk = features.subList(from, Math.min(features.size(), from + CHUNK));
            int n = chunk.size();
            String[] ids = new String[n];
            byte[][] wkb = new byte[n][];
            Double[][] box = new Double[6][n];
            String[] props = new String[n];
            String[] times = new String[n];
            WKBWriter writer = new WKBWriter();
            for (int i = 0; i < n; i++) {
                LayerFeature f = chunk.get(i);
                Envelope e = f.geometry().getEnvelopeInternal();
                ids[i] = f.id();
                wkb[i] = writer.write(f.geometry());
                box[0][i] = e.getMinX();
                box[1][i] = e.getMinY();
                box[2][i] = e.getMaxX();
                box[3][i] = e.getMaxY();
                if (f.geometry() instanceof Point p) {
                    box[4][i] = p.getX();
                    box[5][i] = p.getY();
                }
                props[i] = json.writeValueAsString(f.properties());
                times[i] = f.datetime() == null ? null : f.datetime().toString();
            }
            jdbc.sql(UPSERT)
                    .params(layer.value(), ids, wkb, box[0], box[1], box[2], box[3], box[4], box[5], props, times)
                    .update();
        }
    }

    public void deleteAll(LayerId layer) {
        jdbc.sql("DELETE FROM spatial_feature WHERE layer_id = ?")
                .param(layer.value())
                .update();
    }

    public boolean delete(LayerId layer, String featureId) {
        return jdbc.sql("DELETE FROM spatial_feature WHERE layer_id = ? AND feature_id = ?")
                        .params(layer.value(), featureId)
                        .update()
                == 1;
    }

    public Optional<LayerFeature> find(LayerId layer, String featureId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_feature WHERE layer_id = ? AND feature_id = ?")
                .params(layer.value(), featureId)
                .query(this::map)
                .optional();
    }

    /** The named features of a layer, in insertion order; unknown ids are skipped. */
    public List<LayerFeature> findAll(LayerId layer, Collection<String> featureIds) {
        if (featureIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_feature WHERE layer_id = ? AND feature_id = ANY(?)"
                        + " ORDER BY seq")
                .params(layer.value(), featureIds.toArray(String[]::new))
                .query(this::map)
                .list();
    }

    /** A page of the features whose box meets {@code bbox} and whose time matches, in insertion order. */
    public List<LayerFeature> page(
            LayerId layer,
            FeatureBox bbox,
            FeatureTimeFilter time,
            Collection<String> excluded,
            int offset,
            int limit) {
        Where w = where(layer, bbox, time, excluded);
        w.params.add(limit);
        w.params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_feature WHERE " + w.sql + " ORDER BY seq LIMIT ? OFFSET ?")
                .params(w.params)
                .query(this::map)
                .list();
    }

    public long count(LayerId layer, FeatureBox bbox, FeatureTimeFilter time, Collection<String> excluded) {
        Where w = where(layer, bbox, time, excluded);
        return jdbc.sql("SELECT count(*) FROM spatial_feature WHERE " + w.sql)
                .params(w.params)
                .query(Long.class)
                .single();
    }

    /**
     * Non-point features whose box crosses the edge of {@code bbox}: the only ones whose box test
     * may say yes where the geometry says no, so the caller checks them exactly.
     */
    public List<LayerFeature> straddling(LayerId layer, FeatureBox bbox, FeatureTimeFilter time) {
        Where w = where(layer, bbox, time, List.of());
        w.params.addAll(List.of(bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()));
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_feature WHERE " + w.sql
                        + " AND point IS NULL AND NOT (bbox <@ box(point(?, ?), point(?, ?)))")
                .params(w.params)
                .query(this::map)
                .list();
    }

    /** Every feature's representative point (the point itself, or the centre of its box), for clustering. */
    public LayerPoints points(LayerId layer, long featuresVersion) {
        List<double[]> coords = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        jdbc.sql("SELECT feature_id, (c)[0], (c)[1] FROM (SELECT feature_id, coalesce(point, center(bbox)) AS c"
                        + " FROM spatial_feature WHERE layer_id = ?) f ORDER BY 2")
                .param(layer.value())
                .query(rs -> {
                    ids.add(rs.getString(1));
                    coords.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
                });
        double[] lon = new double[ids.size()];
        double[] lat = new double[ids.size()];
        for (int i = 0; i < lon.length; i++) {
            lon[i] = coords.get(i)[0];
            lat[i] = coords.get(i)[1];
        }
        return new LayerPoints(lon, lat, ids.toArray(String[]::new), featuresVersion);
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(LayerId layer, FeatureBox bbox, FeatureTimeFilter time, Collection<String> excluded) {
        StringBuilder sql = new StringBuilder("layer_id = ?");
        List<Object> params = new ArrayList<>(List.of(layer.value()));
        if (bbox != null) {
            sql.append(" AND bbox && box(point(?, ?), point(?, ?))");
            params.addAll(List.of(bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()));
        }
        if (time != null) {
            sql.append(" AND datetime IS NOT NULL");
            if (time.start() != null) {
                sql.append(" AND datetime >= ?");
                params.add(Timestamp.from(time.start()));
            }
            if (time.end() != null) {
                sql.append(" AND datetime <= ?");
                params.add(Timestamp.from(time.end()));
            }
        }
        if (!excluded.isEmpty()) {
            sql.append(" AND NOT (feature_id = ANY(?))");
            params.add(excluded.toArray(String[]::new));
        }
        return new Where(sql.toString(), params);
    }

    private LayerFeature map(ResultSet rs, int row) throws SQLException {
        Geometry g;
        try {
            g = new WKBReader().read(rs.getBytes(2));
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not WKB", e);
        }
        g.setSRID(4326);
        return new LayerFeature(
                rs.getString(1), g, LayerRepository.properties(json, rs.getString(3)), LayerRepository.instant(rs, 4));
    }
}
