package org.cityos.alerting.internal.expr;

/** A string node of the native tree. */
interface TextNode {
    /** The value, or null when unknown. */
    String eval(Facts facts);
}
