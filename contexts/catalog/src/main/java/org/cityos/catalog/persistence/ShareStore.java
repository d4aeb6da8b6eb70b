package org.cityos.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sharing requests: inserted when asked, decided once ({@code WHERE version = 1}), never deleted. */
public class ShareStore {
    private final JdbcClient jdbc;

    public ShareStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public void insert(StoredShare s) {
        jdbc.sql("INSERT INTO catalog_share_request (id, resource_code, requesting_department, provider_department,"
                        + " purpose, fields, period_from, period_to, requested_by, requested_at, decision_due, status,"
                        + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
                .params(
                        s.id(),
                        s.resourceCode(),
                        s.requestingDepartment(),
                        s.providerDepartment(),
                        s.purpose(),
                        s.fields(),
                        s.periodFrom(),
                        s.periodTo(),
                        s.requestedBy(),
                        Timestamps.param(s.requestedAt()),
                        Timestamps.param(s.decisionDue()),
                        s.status())
                .update();
    }

    /** Records the decision; false when the request was decided meanwhile (it is no longer at version 1). */
    public boolean decide(String id, String status, String content, String decidedBy, Instant at, String reason) {
        return jdbc.sql("UPDATE catalog_share_request SET status = ?, version = 2, decision_content = ?,"
                                + " decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND version = 1")
                        .params(status, content, decidedBy, Timestamps.param(at), reason, id)
                        .update()
                == 1;
    }

    /** Records which workflow approval decides the request. */
    public void linkApproval(String id, String approvalId) {
        jdbc.sql("UPDATE catalog_share_request SET approval_id = ? WHERE id = ?")
                .params(approvalId, id)
                .update();
    }

    /** The id of the request's approval on the workflow engine; null for requests made before there was one. */
    public String approvalOf(String id) {
        return jdbc.sql("SELECT approval_id FROM catalog_share_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Closes a still undecided request as expired; false when it was decided meanwhile. */
    public boolean expire(String id, Instant at) {
        return jdbc.sql("UPDATE catalog_share_request SET status = 'EXPIRED', version = 2, decided_at = ?"
                                + " WHERE id = ? AND version = 1")
                        .params(Timestamps.param(at), id)
                        .update()
                == 1;
    }

    public Optional<StoredShare> find(String id) {
        return jdbc.sql("SELECT * FROM catalog_share_request WHERE id = ?")
                .param(id)
                .query(ShareStore::row)
                .optional();
    }

    /** Requests to or from any of the departments (null: all), newest first. */
    public List<StoredShare> involving(List<String> departments, int offset, int limit) {
        if (departments == null) {
            return jdbc.sql("SELECT * FROM catalog_share_request ORDER BY requested_at DESC, id OFFSET ? LIMIT ?")
                    .params(offset, limit)
                    .query(ShareStore::row)
                    .list();
        }
        return jdbc.sql("SELECT * FROM catalog_share_request WHERE provider_department = ANY (?)"
                        + " OR requesting_department = ANY (?) ORDER BY requested_at DESC, id OFFSET ? LIMIT ?")
                .params(departments.toArray(String[]::new), departments.toArray(String[]::new), offset, limit)
                .query(ShareStore::row)
                .list();
    }

    private static StoredShare row(ResultSet rs, int n) throws SQLException {
        return new StoredShare(
                rs.getString("id"),
                rs.getString("resource_code"),
                rs.getString("requesting_department"),
                rs.getString("provider_department"),
                rs.getString("purpose"),
                rs.getString("fields"),
                rs.getObject("period_from", java.time.LocalDate.class),
                rs.getObject("period_to", java.time.LocalDate.class),
                rs.getString("requested_by"),
                Timestamps.read(rs, "requested_at"),
                Timestamps.read(rs, "decision_due"),
                rs.getString("status"),
                rs.getInt("version"),
                rs.getString("decision_content"),
                rs.getString("decided_by"),
                Timestamps.read(rs, "decided_at"),
                rs.getString("decision_reason"));
    }
}
