package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.RateRepository.instant;
import static org.cityos.casework.persistence.RateRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The overdue list and the daily report's counts: each a single query narrowed to the reader's scope. */
@Repository
public class ReportRepository {
    private static final String OPEN_OVERDUE =
            "(c.response_overdue OR c.resolution_overdue) AND c.status NOT IN ('CLOSED', 'MERGED')";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open overdue case as the list shows it. */
    public record OverdueRow(
            String id,
            String number,
            String title,
            String categoryCode,
            String mainUnit,
            String townCode,
            String status,
            boolean responseOverdue,
            boolean resolutionOverdue,
            Instant dispatchedAt,
            Instant responseDue,
            Instant resolutionDue) {}

    /** The longest-overdue first (earliest resolution deadline), then by number for a stable order. */
    public List<OverdueRow> overdue(ScopeFilter scope, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = scope.sql("c.division_code", "c.main_unit", params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT c.id, c.number, c.title, c.category_code, c.main_unit, c.town_code, c.status,"
                        + " c.response_overdue, c.resolution_overdue, c.dispatched_at, c.response_due,"
                        + " c.resolution_due FROM casework_case c WHERE " + OPEN_OVERDUE + " AND " + where
                        + " ORDER BY c.resolution_due NULLS LAST, c.number LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new OverdueRow(
                        rs.getString("id"),
                        rs.getString("number"),
                        rs.getString("title"),
                        rs.getString("category_code"),
                        rs.getString("main_unit"),
                        rs.getString("town_code"),
                        rs.getString("status"),
                        rs.getBoolean("response_overdue"),
                        rs.getBoolean("resolution_overdue"),
                        instant(rs, "dispatched_at"),
                        instant(rs, "response_due"),
                        instant(rs, "resolution_due")))
                .list();
    }

    public long overdueCount(ScopeFilter scope) {
        List<Object> params = new ArrayList<>();
        String where = scope.sql("c.division_code", "c.main_unit", params);
        return jdbc.sql("SELECT count(*) FROM casework_case c WHERE " + OPEN_OVERDUE + " AND " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** How many cases came in by each channel in [from, to). */
    public List<KeyCount> intakeByChannel(Instant from, Instant to, ScopeFilter scope) {
        return grouped("c.channel", "c.received_at", from, to, scope, 100);
    }

    /** The most frequent category leaves of cases received in [from, to), most frequent first. */
    public List<KeyCount> topCategories(Instant from, Instant to, ScopeFilter scope, int limit) {
        return grouped("c.category_code", "c.received_at", from, to, scope, limit);
    }

    /** A key and how many cases have it. */
    public record KeyCount(String key, long count) {}

    /**
     * The day's movement in one pass: dispatched and closed within [from, to), and cases still open at {@code to}
     * that had missed a deadline by then (not signed by the response deadline, or not replied by the resolution one).
     */
    public DayCounts day(Instant from, Instant to, ScopeFilter scope) {
        List<Object> params = new ArrayList<>(List.of(ts(from), ts(to), ts(from), ts(to), ts(to), ts(to), ts(to)));
        params.add(ts(to));
        String where = scope.sql("c.division_code", "c.main_unit", params);
        return jdbc.sql("SELECT count(*) FILTER (WHERE c.dispatched_at >= ? AND c.dispatched_at < ?) AS dispatched,"
                        + " count(*) FILTER (WHERE c.closed_at >= ? AND c.closed_at < ?) AS closed,"
                        + " count(*) FILTER (WHERE c.status <> 'MERGED' AND (c.closed_at IS NULL OR c.closed_at >= ?)"
                        + " AND ((c.response_due < ? AND (c.signed_at IS NULL OR c.signed_at > c.response_due))"
                        + " OR (c.resolution_due < ? AND (c.replied_at IS NULL OR c.replied_at > c.resolution_due))))"
                        + " AS overdue FROM casework_case c WHERE c.received_at < ? AND " + where)
                .params(params)
                .query((rs, n) -> new DayCounts(rs.getLong("dispatched"), rs.getLong("closed"), rs.getLong("overdue")))
                .single();
    }

    /** What happened on one day. */
    public record DayCounts(long dispatched, long closed, long overdue) {}

    private List<KeyCount> grouped(
            String keySql, String timeColumn, Instant from, Instant to, ScopeFilter scope, int limit) {
        List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
        String where = scope.sql("c.division_code", "c.main_unit", params);
        params.add(limit);
        return jdbc.sql("SELECT " + keySql + " AS key, count(*) AS n FROM casework_case c WHERE " + timeColumn
                        + " >= ? AND " + timeColumn + " < ? AND " + where
                        + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?")
                .params(params)
                .query(ReportRepository::keyCount)
                .list();
    }

    private static KeyCount keyCount(ResultSet rs, int n) throws SQLException {
        return new KeyCount(rs.getString("key"), rs.getLong("n"));
    }
}
