package org.cityos.alerting.internal.expr;

/** A condition refused at save: 1-based line and column, and a reason in English (the CEL message, cleaned). */
public final class ConditionRejected extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public ConditionRejected(String source, int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }
}
