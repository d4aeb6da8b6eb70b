package org.cityos.casework.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only figures over the cases a query sees: their places, and counts per day. */
@Repository
public class CaseFigureRepository {
    private final JdbcClient jdbc;

    public CaseFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One located case: the columns a map needs and nothing else. */
    public record Located(String id, double lon, double lat, String urgency, boolean overdue) {}

    /** One day's counts, by the zone's calendar. */
    public record Counted(LocalDate day, long received, long closed) {}

    /** Located cases the query sees, most recent first, at most {@code limit}. */
    public List<Located> located(CaseQuery q, int limit) {
        CaseQuery.Where where = q.where();
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("SELECT c.id, c.lon, c.lat, c.urgency, (c.response_overdue OR c.resolution_overdue)"
                        + " FROM casework_case c WHERE " + where.sql()
                        + " AND c.lon IS NOT NULL AND c.lat IS NOT NULL ORDER BY c.received_at DESC, c.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new Located(
                        rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    /**
     * Received and closed counts per day of {@code zone} in {@code [from, to)}: only days with a case are listed
     * (filling the empty ones is the reader's choice). The query's own received-at bounds are not used here.
     */
    public List<Counted> perDay(CaseQuery q, Instant from, Instant to, String zone) {
        CaseQuery.Where where = q.where();
        Map<LocalDate, long[]> days = new TreeMap<>();
        count(where, "received_at", from, to, zone, days, 0);
        count(where, "closed_at", from, to, zone, days, 1);
        return days.entrySet().stream()
                .map(e -> new Counted(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private void count(
            CaseQuery.Where where,
            String column,
            Instant from,
            Instant to,
            String zone,
            Map<LocalDate, long[]> days,
            int slot) {
        List<Object> params = new ArrayList<>();
        params.add(zone);
        params.addAll(where.params());
        params.add(CaseRepository.ts(from));
        params.add(CaseRepository.ts(to));
        jdbc.sql("SELECT (c." + column + " AT TIME ZONE ?)::date AS day, count(*) FROM casework_case c WHERE "
                        + where.sql() + " AND c." + column + " >= ? AND c." + column + " < ? GROUP BY 1")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list()
                .forEach(e -> days.computeIfAbsent(e.getKey(), d -> new long[2])[slot] = e.getValue());
    }
}
