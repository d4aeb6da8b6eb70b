package org.cityos.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that one or more approvers decide in turn ({@code steps}, e.g. unit refs). {@code currentStep} indexes
 * {@code steps} while {@link ApprovalStatus#PENDING}; {@code version} counts changes for optimistic locking.
 *
 * @param payload what was asked, as the requester's context encodes it (e.g. {@code days=10})
 * @param dueAt when the approval expires undecided; null for none
 */
public record Approval(
        ApprovalId id,
        String kind,
        String subject,
        String requestedBy,
        String requestedByName,
        String reason,
        Map<String, String> payload,
        List<String> steps,
        int currentStep,
        ApprovalStatus status,
        List<ApprovalDecision> decisions,
        Instant dueAt,
        Instant requestedAt,
        int version) {

    public Approval {
        payload = Map.copyOf(payload);
        steps = List.copyOf(steps);
        decisions = List.copyOf(decisions);
    }

    /** What was granted or is still being decided on: the last narrowing, or the payload as asked. */
    public Map<String, String> effectivePayload() {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            ApprovalDecision d = decisions.get(i);
            if (d.outcome() == DecisionOutcome.NARROWED) {
                return d.narrowedPayload();
            }
        }
        return payload;
    }

    /** The label of the step that decides next, while pending. */
    public Optional<String> currentApprover() {
        return status == ApprovalStatus.PENDING ? Optional.of(steps.get(currentStep)) : Optional.empty();
    }

    public boolean isLastStep() {
        return currentStep == steps.size() - 1;
    }
}
