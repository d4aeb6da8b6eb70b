package org.cityos.workflow.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.workflow.Approval;
import org.cityos.workflow.ApprovalDecision;
import org.cityos.workflow.ApprovalId;
import org.cityos.workflow.ApprovalStatus;
import org.cityos.workflow.DecisionOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code workflow_approval} tables; every statement joins the caller's transaction. */
public final class ApprovalStore {
    private static final String COLUMNS = """
            id, kind, subject, requested_by, requested_by_name, reason, CAST(payload AS text) AS payload,
            CAST(steps AS text) AS steps, current_step, status, due_at, requested_at, version
            """;

    private final JdbcClient jdbc;

    public ApprovalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Approval a) {
        jdbc.sql("""
                        INSERT INTO workflow_approval (id, kind, subject, requested_by, requested_by_name, reason,
                            payload, steps, current_step, status, due_at, requested_at, version)
                        VALUES (:id, :kind, :subject, :by, :byName, :reason, CAST(:payload AS jsonb),
                            CAST(:steps AS jsonb), :step, :status, :due, :at, :version)
                        """)
                .param("id", a.id().value())
                .param("kind", a.kind())
                .param("subject", a.subject())
                .param("by", a.requestedBy())
                .param("byName", a.requestedByName())
                .param("reason", a.reason())
                .param("payload", DataJson.write(a.payload()))
                .param("steps", DataJson.write(a.steps()))
                .param("step", a.currentStep())
                .param("status", a.status().name())
                .param("due", a.dueAt() == null ? null : TimerStore.utc(a.dueAt()))
                .param("at", TimerStore.utc(a.requestedAt()))
                .param("version", a.version())
                .update();
    }

    /** The approval; {@code lock} takes its row lock until the transaction ends. */
    public Optional<Approval> find(ApprovalId id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workflow_approval WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id.value())
                .query((rs, row) -> approval(rs, List.of()))
                .optional()
                .map(a -> withDecisions(List.of(a)).get(0));
    }

    public List<Approval> bySubject(String kind, String subject) {
        return withDecisions(jdbc.sql("SELECT " + COLUMNS + """
                         FROM workflow_approval WHERE kind = :kind AND subject = :subject
                        ORDER BY requested_at, id
                        """)
                .param("kind", kind)
                .param("subject", subject)
                .query((rs, row) -> approval(rs, List.of()))
                .list());
    }

    public List<Approval> pending(String kind) {
        return withDecisions(jdbc.sql("SELECT " + COLUMNS + """
                         FROM workflow_approval WHERE kind = :kind AND status = 'PENDING'
                        ORDER BY due_at NULLS LAST, requested_at, id
                        """)
                .param("kind", kind)
                .query((rs, row) -> approval(rs, List.of()))
                .list());
    }

    /**
     * Moves the approval to {@code step}/{@code status} if its version is still {@code expectedVersion}; false when
     * someone changed it first.
     */
    public boolean update(ApprovalId id, int step, ApprovalStatus status, Instant at, int expectedVersion) {
        return jdbc.sql("""
                                UPDATE workflow_approval
                                SET current_step = :step, status = :status, version = version + 1,
                                    closed_at = CASE WHEN :status = 'PENDING' THEN NULL ELSE CAST(:at AS timestamptz) END
                                WHERE id = :id AND version = :expected
                                """)
                        .param("step", step)
                        .param("status", status.name())
                        .param("at", TimerStore.utc(at))
                        .param("id", id.value())
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    public void insertDecision(ApprovalId id, ApprovalDecision d) {
        jdbc.sql("""
                        INSERT INTO workflow_approval_decision (approval_id, step, decided_by, decided_by_name,
                            outcome, note, narrowed_payload, decided_at)
                        VALUES (:id, :step, :by, :byName, :outcome, :note, CAST(:narrowed AS jsonb), :at)
                        """)
                .param("id", id.value())
                .param("step", d.step())
                .param("by", d.by())
                .param("byName", d.byName())
                .param("outcome", d.outcome().name())
                .param("note", d.note())
                .param("narrowed", d.narrowedPayload() == null ? null : DataJson.write(d.narrowedPayload()))
                .param("at", TimerStore.utc(d.at()))
                .update();
    }

    private List<Approval> withDecisions(List<Approval> approvals) {
        if (approvals.isEmpty()) {
            return approvals;
        }
        Map<String, List<ApprovalDecision>> byApproval = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT approval_id, step, decided_by, decided_by_name, outcome, note,
                               CAST(narrowed_payload AS text) AS narrowed, decided_at
                        FROM workflow_approval_decision
                        WHERE approval_id = ANY (CAST(:ids AS text[]))
                        ORDER BY approval_id, step
                        """)
                .param("ids", approvals.stream().map(a -> a.id().value()).toArray(String[]::new))
                .query(rs -> {
                    byApproval
                            .computeIfAbsent(rs.getString("approval_id"), k -> new ArrayList<>())
                            .add(new ApprovalDecision(
                                    rs.getInt("step"),
                                    rs.getString("decided_by"),
                                    rs.getString("decided_by_name"),
                                    DecisionOutcome.valueOf(rs.getString("outcome")),
                                    rs.getString("note"),
                                    DataJson.map(rs.getString("narrowed")),
                                    rs.getObject("decided_at", OffsetDateTime.class)
                                            .toInstant()));
                });
        List<Approval> complete = new ArrayList<>(approvals.size());
        for (Approval a : approvals) {
            complete.add(new Approval(
                    a.id(),
                    a.kind(),
                    a.subject(),
                    a.requestedBy(),
                    a.requestedByName(),
                    a.reason(),
                    a.payload(),
                    a.steps(),
                    a.currentStep(),
                    a.status(),
                    byApproval.getOrDefault(a.id().value(), List.of()),
                    a.dueAt(),
                    a.requestedAt(),
                    a.version()));
        }
        return complete;
    }

    private static Approval approval(ResultSet rs, List<ApprovalDecision> decisions) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new Approval(
                new ApprovalId(rs.getString("id")),
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("requested_by"),
                rs.getString("requested_by_name"),
                rs.getString("reason"),
                DataJson.map(rs.getString("payload")),
                DataJson.list(rs.getString("steps")),
                rs.getInt("current_step"),
                ApprovalStatus.valueOf(rs.getString("status")),
                decisions,
                due == null ? null : due.toInstant(),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
