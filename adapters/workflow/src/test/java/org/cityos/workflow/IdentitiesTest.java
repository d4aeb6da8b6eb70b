package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Timer keys and approval ids refuse malformed values; handlers are one per kind; the effective payload. */
class IdentitiesTest {

    @Test
    void approvalIdsHaveTheirShape() {
        ApprovalId id = ApprovalId.random();

        assertThat(id.value()).matches("apr_[0-9a-f]{16}");
        assertThat(ApprovalId.parse(" " + id.value() + " ")).contains(id);
        assertThat(ApprovalId.parse("apr_XYZ")).isEmpty();
        assertThat(ApprovalId.parse("alm_0123456789abcdef")).isEmpty();
        assertThatThrownBy(() -> new ApprovalId("apr_0123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timerKeysNeedEveryPart() {
        assertThat(new TimerKey("casework.deadline", "case-1", "overdue").toString())
                .isEqualTo("casework.deadline/case-1/overdue");
        assertThatThrownBy(() -> new TimerKey("casework.deadline", " ", "overdue"))
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> new TimerKey(null, "case-1", "overdue")).hasMessageContaining("kind");
        assertThatThrownBy(() -> new TimerKey("k", "s", "n".repeat(201))).hasMessageContaining("longer");
    }

    @Test
    void twoHandlersForOneKindAreRefused() {
        Supplier<Map<String, TimerHandler>> byKind = WorkflowConfiguration.byKind(
                () -> Stream.of(handler("a.kind"), handler("a.kind")), TimerHandler::kind, "TimerHandler");

        assertThatThrownBy(byKind::get).hasMessageContaining("two TimerHandler beans for kind 'a.kind'");
        assertThat(WorkflowConfiguration.byKind(
                                () -> Stream.of(handler("a"), handler("b")), TimerHandler::kind, "TimerHandler")
                        .get())
                .containsOnlyKeys("a", "b");
    }

    @Test
    void theEffectivePayloadIsTheLastNarrowing() {
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        Approval approval = new Approval(
                ApprovalId.random(),
                "k",
                "s",
                "u",
                "U",
                "",
                Map.of("days", "10"),
                List.of("a", "b", "c"),
                2,
                ApprovalStatus.PENDING,
                List.of(
                        new ApprovalDecision(0, "x", "X", DecisionOutcome.NARROWED, null, Map.of("days", "7"), at),
                        new ApprovalDecision(1, "y", "Y", DecisionOutcome.NARROWED, null, Map.of("days", "5"), at)),
                null,
                at,
                2);

        assertThat(approval.effectivePayload()).containsExactly(Map.entry("days", "5"));
        assertThat(approval.isLastStep()).isTrue();
        assertThat(approval.currentApprover()).contains("c");
    }

    private static TimerHandler handler(String kind) {
        return new TimerHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void fire(FiredTimer timer) {}
        };
    }
}
