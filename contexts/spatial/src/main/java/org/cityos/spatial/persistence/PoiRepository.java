package org.cityos.spatial.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiFilter;
import org.cityos.spatial.PoiId;
import org.cityos.spatial.internal.poi.LocalProjection;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * POIs in {@code spatial_poi}. Every query takes the caller's scope as division-code prefixes
 * ({@code null} = unrestricted) and matches them against the assigned division or grid.
 */
@Repository
public class PoiRepository {
    private static final String COLUMNS = "id, class_code, name, lon, lat, division_code, grid_code, address, phone,"
            + " attributes::text AS attributes, external_id, synthetic, source, version, created_at, updated_at";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public PoiRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = new JdbcTemplate(dataSource);
    }

    /** A position only, for the first phase of radius and polygon queries. */
    public record Located(UUID id, double lon, double lat, String name) {}

    /** Inserts many POIs with JDBC batches (seeding and benchmark loads). */
    public void insertAll(List<Poi> pois, LocalProjection projection) {
        batch.batchUpdate(INSERT, pois, 1000, (ps, p) -> {
            Object[] values = values(p, projection);
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        });
    }

    public void insert(Poi p, LocalProjection projection) {
        jdbc.sql(INSERT).params(values(p, projection)).update();
    }

    private static Object[] values(Poi p, LocalProjection projection) {
        return new Object[] {
            p.id().value(),
            p.classCode(),
            p.name(),
            p.location().lon(),
            p.location().lat(),
            projection.x(p.location()),
            projection.y(p.location()),
            p.division().value(),
            p.grid() == null ? null : p.grid().value(),
            p.address(),
            p.phone(),
            JSON.writeValueAsString(p.attributes()),
            p.externalId(),
            p.synthetic(),
            p.source(),
            p.version(),
            Timestamp.from(p.createdAt()),
            Timestamp.from(p.updatedAt())
        };
    }

    private static final String INSERT = "INSERT INTO spatial_poi (id, class_code, name, lon, lat, pt, division_code,"
            + " grid_code, address, phone, attributes, external_id, synthetic, source, version, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, point(?, ?), ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)";

    /** Writes every field of {@code p} when the row is still at {@code expectedVersion}; false otherwise. */
    public boolean update(Poi p, int expectedVersion, LocalProjection projection) {
        return jdbc.sql("UPDATE spatial_poi SET class_code = ?, name = ?, lon = ?, lat = ?, pt = point(?, ?),"
                                + " division_code = ?, grid_code = ?, address = ?, phone = ?, attributes = CAST(? AS jsonb),"
                                + " external_id = ?, source = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?")
                        .params(
                                p.classCode(),
                                p.name(),
                                p.location().lon(),
                                p.location().lat(),
                                projection.x(p.location()),
                                projection.y(p.location()),
                                p.division().value(),
                                p.grid() == null ? null : p.grid().value(),
                                p.address(),
                                p.phone(),
                                JSON.writeValueAsString(p.attributes()),
                                p.externalId(),
                                p.source(),
                                Timestamp.from(p.updatedAt()),
                                p.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public boolean delete(PoiId id, int expectedVersion) {
        return jdbc.sql("DELETE FROM spatial_poi WHERE id = ? AND version = ?")
                        .params(id.value(), expectedVersion)
                        .update()
                == 1;
    }

    public Optional<Poi> find(PoiId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi WHERE id = ?")
                .param(id.value())
                .query(PoiRepository::map)
                .optional();
    }

    /** The POIs with these ids, in the order of {@code ids}; missing ones are skipped. */
    public List<Poi> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Poi> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query(PoiRepository::map)
                .list()
                .forEach(p -> byId.put(p.id().value(), p));
        List<Poi> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Poi p = byId.get(id);
            if (p != null) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    public Map<String, Poi> findByExternalIds(Collection<String> externalIds) {
        Map<String, Poi> found = new LinkedHashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi WHERE external_id = ANY(?)")
                .param(externalIds.toArray(String[]::new))
                .query(PoiRepository::map)
                .list()
                .forEach(p -> found.put(p.externalId(), p));
        return found;
    }

    public boolean externalIdTaken(String externalId, PoiId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM spatial_poi WHERE external_id = ? AND id <> ?)")
                .params(externalId, except.value())
                .query(Boolean.class)
                .single();
    }

    /** One page in name order. */
    public List<Poi> page(PoiFilter filter, List<String> scope, int offset, int limit) {
        PoiWhere w = new PoiWhere(filter, scope);
        return w.bind(jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi" + w.sql()
                                + " ORDER BY name, id OFFSET :offset LIMIT :limit")
                        .param("offset", offset)
                        .param("limit", limit))
                .query(PoiRepository::map)
                .list();
    }

    public long count(PoiFilter filter, List<String> scope) {
        PoiWhere w = new PoiWhere(filter, scope);
        return w.bind(jdbc.sql("SELECT count(*) FROM spatial_poi" + w.sql()))
                .query(Long.class)
                .single();
    }

    /** The {@code n} POIs closest to (x, y) in the projection, closest first (GiST KNN). */
    public List<Poi> nearestProjected(
            double x, double y, PoiFilter filter, List<String> scope, Envelope projectedBox, int n) {
        PoiWhere w = new PoiWhere(filter, scope);
        // A box around the caller's divisions lets the same GiST scan skip POIs it would filter out anyway.
        String box = projectedBox == null
                ? ""
                : (w.sql().isEmpty() ? " WHERE " : " AND ") + "pt <@ box(point(:minX, :minY), point(:maxX, :maxY))";
        var spec = w.bind(jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi" + w.sql() + box
                        + " ORDER BY pt <-> point(:x, :y) LIMIT :n")
                .param("x", x)
                .param("y", y)
                .param("n", n));
        if (projectedBox != null) {
            spec = spec.param("minX", projectedBox.getMinX())
                    .param("minY", projectedBox.getMinY())
                    .param("maxX", projectedBox.getMaxX())
                    .param("maxY", projectedBox.getMaxY());
        }
        return spec.query(PoiRepository::map).list();
    }

    /** Positions of the POIs whose projected point lies in the box (GiST box search). */
    public List<Located> inProjectedBox(
            double minX, double minY, double maxX, double maxY, PoiFilter filter, List<String> scope) {
        PoiWhere w = new PoiWhere(filter, scope);
        String and = w.sql().isEmpty() ? " WHERE " : w.sql() + " AND ";
        return w.bind(jdbc.sql("SELECT id, lon, lat, name FROM spatial_poi" + and
                                + "pt <@ box(point(:minX, :minY), point(:maxX, :maxY))")
                        .param("minX", minX)
                        .param("minY", minY)
                        .param("maxX", maxX)
                        .param("maxY", maxY))
                .query((rs, i) ->
                        new Located(rs.getObject(1, UUID.class), rs.getDouble(2), rs.getDouble(3), rs.getString(4)))
                .list();
    }

    /** Keyset paging in id order, for exports and index rebuilds that must not hold everything in memory. */
    public List<Poi> after(UUID after, PoiFilter filter, List<String> scope, int limit) {
        PoiWhere w = new PoiWhere(filter, scope);
        String and = w.sql().isEmpty() ? " WHERE " : w.sql() + " AND ";
        return w.bind(jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi" + and + "id > :after ORDER BY id LIMIT :limit")
                        .param("after", after)
                        .param("limit", limit))
                .query(PoiRepository::map)
                .list();
    }

    public List<Poi> changedSince(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spatial_poi WHERE updated_at > ? ORDER BY updated_at LIMIT ?")
                .params(Timestamp.from(since), limit)
                .query(PoiRepository::map)
                .list();
    }

    /** Row count and latest change; differs from a remembered value when any node wrote POIs. */
    public Fingerprint fingerprint() {
        return jdbc.sql("SELECT count(*), max(updated_at) FROM spatial_poi")
                .query((rs, i) -> new Fingerprint(
                        rs.getLong(1),
                        rs.getTimestamp(2) == null
                                ? Instant.EPOCH
                                : rs.getTimestamp(2).toInstant()))
                .single();
    }

    /** How many POIs there are and when the latest was written. */
    public record Fingerprint(long count, Instant latest) {}

    /** Re-projects every stored point when the configured reference latitude changed; returns rows touched. */
    public int ensureProjection(LocalProjection projection) {
        Optional<Double> stored = jdbc.sql("SELECT reference_latitude FROM spatial_poi_projection")
                .query(Double.class)
                .optional();
        if (stored.isPresent() && stored.get() == projection.referenceLatitude()) {
            return 0;
        }
        jdbc.sql("INSERT INTO spatial_poi_projection (singleton, reference_latitude) VALUES (true, ?)"
                        + " ON CONFLICT (singleton) DO UPDATE SET reference_latitude = EXCLUDED.reference_latitude")
                .param(projection.referenceLatitude())
                .update();
        double cosine = Math.cos(Math.toRadians(projection.referenceLatitude()));
        return jdbc.sql("UPDATE spatial_poi SET pt = point(lon * ? * 111320, lat * 110574)")
                .param(cosine)
                .update();
    }

    private static Poi map(ResultSet rs, int row) throws SQLException {
        String grid = rs.getString("grid_code");
        return new Poi(
                new PoiId(rs.getObject("id", UUID.class)),
                rs.getString("class_code"),
                rs.getString("name"),
                new GeoPoint(rs.getDouble("lon"), rs.getDouble("lat")),
                DivisionCode.of(rs.getString("division_code")),
                grid == null ? null : DivisionCode.of(grid),
                rs.getString("address"),
                rs.getString("phone"),
                JSON.readValue(rs.getString("attributes"), MAP),
                rs.getString("external_id"),
                rs.getBoolean("synthetic"),
                rs.getString("source"),
                rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
