package org.cityos.alerting.internal.engine;

import java.util.List;

/**
 * Why a rule cannot be saved: the field, a message key with its arguments (for the user's language), a reason in
 * English, and for conditions the 1-based line and column (0 when not positional).
 */
public record RuleIssue(String field, String key, int line, int column, String reason, List<Object> args) {
    public RuleIssue {
        args = args == null ? List.of() : List.copyOf(args);
    }

    static RuleIssue of(String field, String key, String reason, Object... args) {
        return new RuleIssue(field, key, 0, 0, reason, List.of(args));
    }

    /** The arguments of the message: the condition's reason, line and column, or the issue's own. */
    public Object[] messageArgs() {
        return line > 0 ? new Object[] {reason, line, column} : args.toArray();
    }
}
