package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.RateRepository.instant;
import static org.cityos.casework.persistence.RateRepository.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hot spots and the recent placed cases they are found among; changes under the version read. */
@Repository
public class HotSpotRepository {
    private static final String COLUMNS = "h.id, h.category_code, h.lon, h.lat, h.radius_m, h.case_count, h.first_at,"
            + " h.last_at, h.status, h.division_code, h.case_ids, h.raised_at, h.version";

    private final JdbcClient jdbc;

    public HotSpotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises detectors: on N nodes only one detects at a time, the others wait for it within their transaction.
     * The key is an arbitrary constant of this table.
     */
    public void lockDetection() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(2026112501300)) AS locked")
                .query(Integer.class)
                .single();
    }

    /** Cases received since {@code since} with a point and a category; merged cases are not requests of their own. */
    public List<PlacedCase> placedSince(Instant since) {
        return jdbc.sql("SELECT c.id, c.category_code, c.lon, c.lat, c.received_at, c.town_code,"
                        + " EXISTS (SELECT 1 FROM casework_hotspot h WHERE h.case_ids @> ARRAY[c.id]) AS held"
                        + " FROM casework_case c WHERE c.received_at >= ? AND c.lon IS NOT NULL AND c.lat IS NOT NULL"
                        + " AND c.category_code IS NOT NULL AND c.status <> 'MERGED' ORDER BY c.received_at, c.id")
                .param(ts(since))
                .query((rs, n) -> new PlacedCase(
                        rs.getString("id"),
                        rs.getString("category_code"),
                        rs.getDouble("lon"),
                        rs.getDouble("lat"),
                        instant(rs, "received_at"),
                        rs.getString("town_code"),
                        rs.getBoolean("held")))
                .list();
    }

    /** The cases of {@code ids} with their points, for re-centring a hot spot that grows. */
    public List<PlacedCase> cases(List<String> ids) {
        return jdbc.sql("SELECT c.id, c.category_code, c.lon, c.lat, c.received_at, c.town_code FROM casework_case c"
                        + " WHERE c.id = ANY (?) AND c.lon IS NOT NULL AND c.lat IS NOT NULL")
                .param(ids.toArray(String[]::new))
                .query((rs, n) -> new PlacedCase(
                        rs.getString("id"),
                        rs.getString("category_code"),
                        rs.getDouble("lon"),
                        rs.getDouble("lat"),
                        instant(rs, "received_at"),
                        rs.getString("town_code"),
                        true))
                .list();
    }

    /** Hot spots not yet closed: new cases near them grow them instead of raising another. */
    public List<HotSpotRow> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_hotspot h WHERE h.status <> 'CLOSED' ORDER BY h.id")
                .query(HotSpotRepository::map)
                .list();
    }

    public void insert(HotSpotRow h, Instant at) {
        jdbc.sql("INSERT INTO casework_hotspot (id, category_code, lon, lat, radius_m, case_count, first_at, last_at,"
                        + " status, division_code, case_ids, raised_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        h.id(),
                        h.categoryCode(),
                        h.lon(),
                        h.lat(),
                        h.radiusMetres(),
                        h.caseCount(),
                        ts(h.firstAt()),
                        ts(h.lastAt()),
                        h.status(),
                        h.divisionCode(),
                        h.caseIds().toArray(String[]::new),
                        ts(h.raisedAt()),
                        ts(at))
                .update();
    }

    /** Writes a grown hot spot back if nobody changed it since it was read. */
    public boolean grow(HotSpotRow h, Instant at) {
        return jdbc.sql("UPDATE casework_hotspot SET lon = ?, lat = ?, radius_m = ?, case_count = ?, first_at = ?,"
                                + " last_at = ?, division_code = ?, case_ids = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?")
                        .params(
                                h.lon(),
                                h.lat(),
                                h.radiusMetres(),
                                h.caseCount(),
                                ts(h.firstAt()),
                                ts(h.lastAt()),
                                h.divisionCode(),
                                h.caseIds().toArray(String[]::new),
                                ts(at),
                                h.id(),
                                h.version())
                        .update()
                == 1;
    }

    public Optional<HotSpotRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_hotspot h WHERE h.id = ?")
                .param(id)
                .query(HotSpotRepository::map)
                .optional();
    }

    /** Hot spots in scope, optionally of one status, the most recently active first. */
    public List<HotSpotRow> list(ScopeFilter scope, String status, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(scope, status, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_hotspot h WHERE " + where
                        + " ORDER BY h.last_at DESC, h.id LIMIT ? OFFSET ?")
                .params(params)
                .query(HotSpotRepository::map)
                .list();
    }

    public long count(ScopeFilter scope, String status) {
        List<Object> params = new ArrayList<>();
        String where = where(scope, status, params);
        return jdbc.sql("SELECT count(*) FROM casework_hotspot h WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Moves a hot spot to {@code to} if it is still at {@code version}; false when someone else changed it. */
    public boolean changeStatus(String id, int version, String to, String by, Instant at) {
        return jdbc.sql("UPDATE casework_hotspot SET status = ?, updated_by = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND version = ?")
                        .params(to, by, ts(at), id, version)
                        .update()
                == 1;
    }

    private static String where(ScopeFilter scope, String status, List<Object> params) {
        String where = scope.sql("h.division_code", null, params);
        if (status != null) {
            where += " AND h.status = ?";
            params.add(status);
        }
        return where;
    }

    private static HotSpotRow map(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("case_ids");
        return new HotSpotRow(
                rs.getString("id"),
                rs.getString("category_code"),
                rs.getDouble("lon"),
                rs.getDouble("lat"),
                rs.getDouble("radius_m"),
                rs.getInt("case_count"),
                instant(rs, "first_at"),
                instant(rs, "last_at"),
                rs.getString("status"),
                rs.getString("division_code"),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()),
                instant(rs, "raised_at"),
                rs.getInt("version"));
    }
}
