package org.cityos.simulator.scenario;

/**
 * A scenario file that cannot be played, with where and why: the message is meant for the person who wrote the file,
 * so it names the line and column and never needs a stack trace.
 */
public final class BadScenarioFile extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public BadScenarioFile(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason, null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the file. */
    public int line() {
        return line;
    }

    /** 1-based column where the offending word starts. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
