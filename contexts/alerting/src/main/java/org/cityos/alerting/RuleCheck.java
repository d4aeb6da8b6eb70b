package org.cityos.alerting;

import java.util.List;

/**
 * The editor's answer for a draft: whether it can be saved and, if not, every fault with its field and — for
 * conditions — the 1-based line and column.
 */
public record RuleCheck(boolean valid, List<Issue> issues) {
    public RuleCheck {
        issues = List.copyOf(issues);
    }

    /**
     * One fault; {@code line}/{@code column} are 0 when the fault has no position. {@code message} is in the
     * reader's language, {@code reason} in English.
     */
    public record Issue(String field, String code, int line, int column, String reason, String message, Object[] args) {
        public Issue localized(String text) {
            return new Issue(field, code, line, column, reason, text, args);
        }
    }
}
