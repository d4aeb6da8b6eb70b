package org.cityos.casework.persistence;

import static org.cityos.casework.persistence.CaseRepository.instant;
import static org.cityos.casework.persistence.CaseRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments of a case to units; written in the transaction that wrote the case row under its version. */
@Repository
public class AssignmentRepository {
    private static final String COLUMNS = "id, case_id, unit, role, status, parent_id, assigned_by, assigned_at,"
            + " response_due, signed_at, finished_at, note";

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AssignmentRow> of(String caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework_assignment WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query(AssignmentRepository::map)
                .list();
    }

    public void insert(AssignmentRow a) {
        a.id = jdbc.sql("INSERT INTO casework_assignment (case_id, unit, role, status, parent_id, assigned_by,"
                        + " assigned_at, response_due, signed_at, finished_at, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        a.caseId,
                        a.unit,
                        a.role,
                        a.status,
                        a.parentId,
                        a.assignedBy,
                        ts(a.assignedAt),
                        ts(a.responseDue),
                        ts(a.signedAt),
                        ts(a.finishedAt),
                        a.note)
                .query(Long.class)
                .single();
        a.dirty = false;
    }

    public void update(AssignmentRow a) {
        jdbc.sql("UPDATE casework_assignment SET status = ?, signed_at = ?, finished_at = ?, note = ?,"
                        + " response_due = ? WHERE id = ?")
                .params(a.status, ts(a.signedAt), ts(a.finishedAt), a.note, ts(a.responseDue), a.id)
                .update();
        a.dirty = false;
    }

    private static AssignmentRow map(ResultSet rs, int n) throws SQLException {
        AssignmentRow a = new AssignmentRow();
        a.id = rs.getLong("id");
        a.caseId = rs.getString("case_id");
        a.unit = rs.getString("unit");
        a.role = rs.getString("role");
        a.status = rs.getString("status");
        long parent = rs.getLong("parent_id");
        a.parentId = rs.wasNull() ? null : parent;
        a.assignedBy = rs.getString("assigned_by");
        a.assignedAt = instant(rs, "assigned_at");
        a.responseDue = instant(rs, "response_due");
        a.signedAt = instant(rs, "signed_at");
        a.finishedAt = instant(rs, "finished_at");
        a.note = rs.getString("note");
        return a;
    }
}
