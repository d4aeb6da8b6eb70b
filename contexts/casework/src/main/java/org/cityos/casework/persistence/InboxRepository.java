package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active assignments of given units joined with their cases: a unit's inbox. */
@Repository
public class InboxRepository {
    public record InboxRow(
            String caseId,
            String number,
            String title,
            String categoryCode,
            String urgency,
            String status,
            String unit,
            String role,
            String assignment,
            Instant assignedAt,
            Instant responseDue,
            Instant resolutionDue,
            boolean overdue,
            int supervisions,
            int version) {}

    private final JdbcClient jdbc;

    public InboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InboxRow> of(List<String> units, int limit) {
        return jdbc.sql("SELECT c.id, c.number, c.title, c.category_code, c.urgency, c.status, a.unit, a.role,"
                        + " a.status AS assignment, a.assigned_at, a.response_due, c.resolution_due,"
                        + " (c.response_overdue OR c.resolution_overdue) AS overdue, c.supervisions, c.version"
                        + " FROM casework_assignment a JOIN casework_case c ON c.id = a.case_id"
                        + " WHERE a.unit = ANY (?) AND a.status IN ('AWAITING_SIGN', 'SIGNED')"
                        + " ORDER BY coalesce(a.response_due, c.resolution_due) NULLS LAST, a.assigned_at LIMIT ?")
                .params(units.toArray(String[]::new), limit)
                .query((rs, n) -> new InboxRow(
                        rs.getString("id"),
                        rs.getString("number"),
                        rs.getString("title"),
                        rs.getString("category_code"),
                        rs.getString("urgency"),
                        rs.getString("status"),
                        rs.getString("unit"),
                        rs.getString("role"),
                        rs.getString("assignment"),
                        instant(rs, "assigned_at"),
                        instant(rs, "response_due"),
                        instant(rs, "resolution_due"),
                        rs.getBoolean("overdue"),
                        rs.getInt("supervisions"),
                        rs.getInt("version")))
                .list();
    }
}
