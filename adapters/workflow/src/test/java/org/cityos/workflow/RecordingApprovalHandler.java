package org.cityos.workflow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owner of {@value #KIND} approvals in tests: notes every callback with the approval's status, and writes a row
 * for each completion inside the deciding transaction, to show that the owner's writes commit with the decision.
 */
final class RecordingApprovalHandler implements ApprovalHandler {
    static final String KIND = "test.extension";
    static final String TABLE =
            "CREATE TABLE extension_granted (approval_id text PRIMARY KEY, status text NOT NULL, days text)";

    private final JdbcClient jdbc;
    final List<String> calls = new CopyOnWriteArrayList<>();

    RecordingApprovalHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void onDecided(Approval approval) {
        note("decided", approval);
        jdbc.sql("INSERT INTO extension_granted (approval_id, status, days) VALUES (:id, :status, :days)")
                .param("id", approval.id().value())
                .param("status", approval.status().name())
                .param("days", approval.effectivePayload().get("days"))
                .update();
    }

    @Override
    public void onExpired(Approval approval) {
        note("expired", approval);
    }

    @Override
    public void onAdvanced(Approval approval) {
        note("advanced", approval);
    }

    @Override
    public void onWithdrawn(Approval approval) {
        note("withdrawn", approval);
    }

    private void note(String what, Approval approval) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new AssertionError(what + " called outside a transaction");
        }
        calls.add(what + ":" + approval.status());
    }
}
