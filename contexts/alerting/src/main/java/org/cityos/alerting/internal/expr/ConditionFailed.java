package org.cityos.alerting.internal.expr;

/**
 * A condition failed at run time (a fallback program errors, {@code int()} of a number out of range, …) where no
 * unknown or false absorbed the error. The engine disables the rule and reports this.
 */
public final class ConditionFailed extends RuntimeException {
    private final String source;
    private final String reason;

    public ConditionFailed(String source, String reason, Throwable cause) {
        super(reason + " (in: " + source + ")", cause);
        this.source = source;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }
}
