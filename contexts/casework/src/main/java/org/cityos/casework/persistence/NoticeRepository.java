package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;
import static org.cityos.casework.persistence.CaseRepository.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notices to units: dispatched to you, deadline near, overdue, supervised, returned to you. */
@Repository
public class NoticeRepository {
    public record NoticeRow(
            long id, String unit, String caseId, String kind, String text, Instant at, Instant readAt) {}

    private final JdbcClient jdbc;

    public NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String unit, String caseId, String kind, String text, Instant at) {
        return jdbc.sql("INSERT INTO casework_notice (unit, case_id, kind, text, at) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING id")
                .params(unit, caseId, kind, text, ts(at))
                .query(Long.class)
                .single();
    }

    public List<NoticeRow> forUnits(List<String> units, boolean unreadOnly, int limit) {
        return jdbc.sql("SELECT id, unit, case_id, kind, text, at, read_at FROM casework_notice WHERE unit = ANY (?)"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY at DESC, id DESC LIMIT ?")
                .params(units.toArray(String[]::new), limit)
                .query((rs, n) -> new NoticeRow(
                        rs.getLong("id"),
                        rs.getString("unit"),
                        rs.getString("case_id"),
                        rs.getString("kind"),
                        rs.getString("text"),
                        instant(rs, "at"),
                        instant(rs, "read_at")))
                .list();
    }

    public int markRead(List<String> units, long id, Instant at) {
        return jdbc.sql("UPDATE casework_notice SET read_at = ? WHERE id = ? AND unit = ANY (?) AND read_at IS NULL")
                .params(ts(at), id, units.toArray(String[]::new))
                .update();
    }
}
