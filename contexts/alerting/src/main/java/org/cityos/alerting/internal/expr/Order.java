package org.cityos.alerting.internal.expr;

/** A comparison operator, applied to the sign of a {@code compareTo}. */
enum Order {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE;

    boolean holds(int c) {
        return switch (this) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    /** The operator of a CEL comparison function such as {@code _<=_}, or null. */
    static Order of(String function) {
        return switch (function) {
            case "_==_" -> EQ;
            case "_!=_" -> NE;
            case "_<_" -> LT;
            case "_<=_" -> LE;
            case "_>_" -> GT;
            case "_>=_" -> GE;
            default -> null;
        };
    }
}
