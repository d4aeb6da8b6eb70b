package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.cityos.kernel.problem.ProblemKind;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approvals over a real database: steps, narrowing, refusal, expiry by timer, and the 409s. */
class ApprovalsIT {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofDays(2));

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private TestDatabase database;
    private RecordingApprovalHandler handler;
    private WorkflowNode node;
    private Approvals approvals;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(4, "classpath:db/migration/workflow");
        database.jdbc().sql(RecordingApprovalHandler.TABLE).update();
        handler = new RecordingApprovalHandler(database.jdbc());
        node = new WorkflowNode(
                database.dataSource(), clock, WorkflowProperties.defaults().withScheduled(false), List.of(handler));
        approvals = node.approvals;
    }

    @AfterEach
    void tearDown() {
        node.close();
        database.close();
    }

    @Test
    void aSingleStepApprovalIsApprovedAndItsExpiryCancelled() {
        Approval opened = open(List.of("unit:110115001"));
        assertThat(opened.id().value()).matches("apr_[0-9a-f]{16}");
        assertThat(opened.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(opened.currentApprover()).contains("unit:110115001");
        assertThat(node.timers.pending(Approvals.EXPIRY_KIND, opened.id().value()))
                .extracting(ScheduledTimer::dueAt)
                .containsExactly(DUE);

        clock.advance(Duration.ofHours(1));
        Approval approved = approvals.decide(opened.id(), "u-7", "王主任", DecisionOutcome.APPROVED, "同意", null, 0);

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(1);
        assertThat(approved.decisions())
                .containsExactly(new ApprovalDecision(
                        0, "u-7", "王主任", DecisionOutcome.APPROVED, "同意", null, T0.plus(Duration.ofHours(1))));
        assertThat(approved.effectivePayload()).containsEntry("days", "10");
        assertThat(approvals.get(opened.id())).isEqualTo(approved);
        assertThat(handler.calls).containsExactly("decided:APPROVED");
        assertThat(granted(opened.id())).isEqualTo("APPROVED:10");
        assertThat(node.timers.pending(Approvals.EXPIRY_KIND, opened.id().value()))
                .isEmpty();
        assertThat(approvals.pending(RecordingApprovalHandler.KIND)).isEmpty();
    }

    @Test
    void twoStepsWithNarrowingGrantTheNarrowedPayload() {
        Approval opened = open(List.of("unit:110115001", "unit:110115000"));

        Approval advanced =
                approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.NARROWED, "最多五天", Map.of("days", "5"), 0);
        assertThat(advanced.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(advanced.currentStep()).isEqualTo(1);
        assertThat(advanced.currentApprover()).contains("unit:110115000");
        assertThat(advanced.effectivePayload())
                .as("the next step decides on the narrowed")
                .containsEntry("days", "5");
        assertThat(approvals.pending(RecordingApprovalHandler.KIND)).containsExactly(advanced);

        Approval done = approvals.decide(opened.id(), "u-2", "区级", DecisionOutcome.APPROVED, null, null, 1);

        assertThat(done.status()).as("approved as narrowed").isEqualTo(ApprovalStatus.NARROWED);
        assertThat(done.payload()).as("what was asked stays on record").containsEntry("days", "10");
        assertThat(done.effectivePayload()).containsEntry("days", "5");
        assertThat(done.decisions())
                .extracting(ApprovalDecision::step, ApprovalDecision::outcome)
                .containsExactly(tuple(0, DecisionOutcome.NARROWED), tuple(1, DecisionOutcome.APPROVED));
        assertThat(handler.calls).containsExactly("advanced:PENDING", "decided:NARROWED");
        assertThat(granted(opened.id())).isEqualTo("NARROWED:5");
    }

    @Test
    void aRefusalAtTheFirstOfTwoStepsEndsIt() {
        Approval opened = open(List.of("unit:110115001", "unit:110115000"));

        Approval refused = approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.REFUSED, "理由不足", null, 0);

        assertThat(refused.status()).isEqualTo(ApprovalStatus.REFUSED);
        assertThat(refused.currentApprover()).isEmpty();
        assertThat(handler.calls).containsExactly("decided:REFUSED");
        assertThat(node.timers.pending(Approvals.EXPIRY_KIND, opened.id().value()))
                .isEmpty();
    }

    @Test
    void anUndecidedApprovalExpiresWhenItsTimerFires() {
        Approval opened = open(List.of("unit:110115001", "unit:110115000"));
        approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.APPROVED, null, null, 0);

        clock.set(DUE.minusSeconds(1));
        assertThat(node.timers.fireDue()).isZero();
        clock.set(DUE);
        assertThat(node.timers.fireDue()).isEqualTo(1);

        Approval expired = approvals.get(opened.id());
        assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(expired.version()).isEqualTo(2);
        assertThat(handler.calls).containsExactly("advanced:PENDING", "expired:EXPIRED");
        assertThatThrownBy(() -> approvals.decide(opened.id(), "u-2", "区级", DecisionOutcome.APPROVED, null, null, 2))
                .isInstanceOf(ApprovalClosed.class);
    }

    @Test
    void aStaleVersionIsAConcurrentChange() {
        Approval opened = open(List.of("unit:110115001", "unit:110115000"));
        approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.APPROVED, null, null, 0);

        assertThatThrownBy(() -> approvals.decide(opened.id(), "u-9", "另一人", DecisionOutcome.REFUSED, null, null, 0))
                .isInstanceOf(ConcurrentChange.class)
                .extracting(e -> ((DomainProblem) e).kind().status())
                .isEqualTo(409);
        Approval unchanged = approvals.get(opened.id());
        assertThat(unchanged.decisions()).hasSize(1);
        assertThat(unchanged.status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void decidingADecidedApprovalIsAConflict() {
        Approval opened = open(List.of("unit:110115001"));
        approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.APPROVED, null, null, 0);

        assertThatThrownBy(() -> approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.REFUSED, null, null, 1))
                .isInstanceOfSatisfying(ApprovalClosed.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("approval-closed");
                });
        assertThat(handler.calls).containsExactly("decided:APPROVED");
        assertThat(approvals.get(opened.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void aWithdrawnApprovalNeitherExpiresNorCanBeDecided() {
        Approval opened = open(List.of("unit:110115001"));

        Approval withdrawn = approvals.withdraw(opened.id(), "u-req", "申请人", "已自行解决", 0);

        assertThat(withdrawn.status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        clock.set(DUE.plusSeconds(1));
        assertThat(node.timers.fireDue()).isZero();
        assertThat(handler.calls).containsExactly("withdrawn:WITHDRAWN");
        assertThatThrownBy(() -> approvals.withdraw(opened.id(), "u-req", "申请人", null, 1))
                .isInstanceOf(ApprovalClosed.class);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> approvals.open(
                        RecordingApprovalHandler.KIND, "case-1", "u-req", "申请人", "r", Map.of(), List.of(), DUE))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> approvals.open(
                        RecordingApprovalHandler.KIND, "case-1", "u-req", "申请人", "r", Map.of(), List.of("a"), T0))
                .as("a deadline not in the future")
                .isInstanceOf(InvalidInput.class);
        Approval opened = open(List.of("unit:110115001"));
        assertThatThrownBy(() -> approvals.decide(opened.id(), "u-1", "街道", DecisionOutcome.NARROWED, null, null, 0))
                .as("narrowing without a narrowed payload")
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> approvals.get(ApprovalId.random())).isInstanceOf(NotFound.class);
        assertThat(approvals.list(RecordingApprovalHandler.KIND, "case-1")).containsExactly(opened);
    }

    private Approval open(List<String> steps) {
        return approvals.open(
                RecordingApprovalHandler.KIND, "case-1", "u-req", "申请人", "需要更多时间协调", Map.of("days", "10"), steps, DUE);
    }

    private String granted(ApprovalId id) {
        return database.jdbc()
                .sql("SELECT status || ':' || days FROM extension_granted WHERE approval_id = :id")
                .param("id", id.value())
                .query(String.class)
                .single();
    }
}
