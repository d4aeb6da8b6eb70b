package org.cityos.alerting;

import java.time.Instant;

/**
 * A saved rule: its draft, whether it runs, and — when evaluation failed at run time — why it was stopped.
 *
 * @param failure why the engine disabled the rule, or null
 */
public record Rule(
        RuleId id,
        RuleDraft draft,
        boolean enabled,
        String failure,
        String template,
        int version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public String name() {
        return draft.name();
    }

    public RuleKind kind() {
        return draft.kind();
    }

    public Severity severity() {
        return draft.severity();
    }
}
