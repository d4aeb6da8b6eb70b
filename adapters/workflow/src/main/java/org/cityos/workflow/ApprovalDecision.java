package org.cityos.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * One step's decision. {@code narrowedPayload} is set only when {@code outcome} is {@link DecisionOutcome#NARROWED}.
 *
 * @param by the deciding actor's id; {@code byName} is kept as it was then, for the record
 */
public record ApprovalDecision(
        int step,
        String by,
        String byName,
        DecisionOutcome outcome,
        String note,
        Map<String, String> narrowedPayload,
        Instant at) {
    public ApprovalDecision {
        narrowedPayload = narrowedPayload == null ? null : Map.copyOf(narrowedPayload);
    }
}
