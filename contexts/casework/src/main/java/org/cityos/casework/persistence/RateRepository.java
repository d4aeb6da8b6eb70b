package org.cityos.casework.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rate aggregates: one GROUP BY over the dispatched cases of a period per call, so a month of a busy district
 * costs one index range scan, never a loop over cases. Cases excluded after an appeal and merged cases never count.
 */
@Repository
public class RateRepository {
    // Each count is one term of RateFormula; keep the two in step.
    private static final String COUNTS = "count(*) AS dispatched,"
            + " count(*) FILTER (WHERE c.signed_at IS NOT NULL"
            + " AND (c.response_due IS NULL OR c.signed_at <= c.response_due)) AS signed_in_time,"
            + " count(c.solved) AS followed_up,"
            + " count(*) FILTER (WHERE c.solved) AS solved,"
            + " count(c.satisfaction) AS rated,"
            + " count(*) FILTER (WHERE c.satisfaction = 'SATISFIED') AS satisfied,"
            + " count(*) FILTER (WHERE c.satisfaction = 'BASICALLY_SATISFIED') AS basically_satisfied";

    // The range on dispatched_at is what casework_case_dispatched serves.
    private static final String COUNTED = "c.dispatched_at IS NOT NULL AND NOT c.excluded_from_rates"
            + " AND c.status <> 'MERGED' AND c.dispatched_at >= ? AND c.dispatched_at < ?";

    private final JdbcClient jdbc;

    public RateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** SQL that yields a case's group: the main unit, the town, or the first {@code n} characters of the category. */
    static String keyOf(Grouping grouping, int topCategoryLength) {
        return switch (grouping) {
            case UNIT -> "c.main_unit";
            case TOWN -> "c.town_code";
            case CATEGORY -> "left(c.category_code, " + topCategoryLength + ")";
        };
    }

    /** What a table groups by. */
    public enum Grouping {
        UNIT,
        TOWN,
        CATEGORY
    }

    /** The step of a trend, as PostgreSQL's date_trunc names it. */
    public enum Step {
        DAY,
        WEEK,
        MONTH
    }

    public List<RateCounts> grouped(
            Grouping grouping, int topCategoryLength, Instant from, Instant to, ScopeFilter scope) {
        String keySql = keyOf(grouping, topCategoryLength);
        List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
        String where = scope.sql("c.division_code", "c.main_unit", params);
        return jdbc.sql("SELECT " + keySql + " AS key, " + COUNTS + " FROM casework_case c WHERE " + COUNTED + " AND "
                        + where + " GROUP BY 1")
                .params(params)
                .query(RateRepository::counts)
                .list();
    }

    /**
     * The counts of one group per step (day, week or month, in {@code zone}); the key of each row is the step's first
     * day, {@code yyyy-MM-dd}. Steps without cases are absent.
     */
    public List<RateCounts> trend(
            Grouping grouping,
            int topCategoryLength,
            String key,
            Step step,
            String zone,
            Instant from,
            Instant to,
            ScopeFilter scope) {
        String keySql = keyOf(grouping, topCategoryLength);
        List<Object> params = new ArrayList<>();
        params.add(zone);
        params.add(ts(from));
        params.add(ts(to));
        params.add(key);
        String where = scope.sql("c.division_code", "c.main_unit", params);
        return jdbc.sql("SELECT to_char(date_trunc('" + step.name().toLowerCase(java.util.Locale.ROOT)
                        + "', c.dispatched_at AT TIME ZONE ?), 'YYYY-MM-DD')"
                        + " AS key, " + COUNTS + " FROM casework_case c WHERE " + COUNTED + " AND " + keySql
                        + " = ? AND " + where + " GROUP BY 1 ORDER BY 1")
                .params(params)
                .query(RateRepository::counts)
                .list();
    }

    /**
     * The plan PostgreSQL picks for a league table, for the performance test's sanity check and for operators; with
     * {@code analyze} the query runs and the plan carries its real execution time.
     */
    public List<String> explain(
            Grouping grouping, int topCategoryLength, Instant from, Instant to, ScopeFilter scope, boolean analyze) {
        String keySql = keyOf(grouping, topCategoryLength);
        List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
        String where = scope.sql("c.division_code", "c.main_unit", params);
        return jdbc.sql((analyze ? "EXPLAIN (ANALYZE) SELECT " : "EXPLAIN SELECT ") + keySql + " AS key, " + COUNTS
                        + " FROM casework_case c WHERE " + COUNTED + " AND " + where + " GROUP BY 1")
                .params(params)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static RateCounts counts(ResultSet rs, int n) throws SQLException {
        return new RateCounts(
                rs.getString("key"),
                rs.getLong("dispatched"),
                rs.getLong("signed_in_time"),
                rs.getLong("followed_up"),
                rs.getLong("solved"),
                rs.getLong("rated"),
                rs.getLong("satisfied"),
                rs.getLong("basically_satisfied"));
    }
}
