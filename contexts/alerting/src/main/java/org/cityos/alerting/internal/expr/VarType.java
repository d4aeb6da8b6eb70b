package org.cityos.alerting.internal.expr;

/** The type of a variable a condition may name. */
public enum VarType {
    /** A reading; every number is a double. */
    NUMBER,
    /** A flag; kept in the number slots as 1 or 0. */
    BOOL,
    /** A string. */
    TEXT,
    /** A list of strings, such as tags or line codes. */
    TEXT_LIST
}
