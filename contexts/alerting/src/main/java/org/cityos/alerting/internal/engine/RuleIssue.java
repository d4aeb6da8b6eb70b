package org.cityos.alerting.internal.engine;

/**
 * Why a rule cannot be saved: the field, and for conditions the 1-based line and column (0 when not positional).
 */
public record RuleIssue(String field, String key, int line, int column, String reason) {
    static RuleIssue of(String field, String key, String reason) {
        return new RuleIssue(field, key, 0, 0, reason);
    }
}
