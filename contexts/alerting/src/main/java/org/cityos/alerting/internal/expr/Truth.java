package org.cityos.alerting.internal.expr;

/**
 * The three truth values of a boolean node, as ints so the hot path needs neither objects nor an enum load.
 * UNKNOWN is what touches a missing value; it absorbs like CEL's unknowns ({@code false && x} is false).
 */
final class Truth {
    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    private Truth() {}

    static int of(boolean b) {
        return b ? TRUE : FALSE;
    }
}
