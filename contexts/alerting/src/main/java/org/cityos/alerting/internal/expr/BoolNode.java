package org.cityos.alerting.internal.expr;

/** A boolean node of the native tree. */
interface BoolNode {
    /** {@link Truth#TRUE}, {@link Truth#FALSE} or {@link Truth#UNKNOWN}. */
    int eval(Facts facts);
}
