package org.cityos.alerting.internal.expr;

/** A numeric node of the native tree; ints ({@code size()}, {@code int()}) travel as exact doubles. */
interface NumberNode {
    /** The value, or NaN when unknown. */
    double eval(Facts facts);
}
