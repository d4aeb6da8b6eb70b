package org.cityos.alerting.internal.expr;

import static org.cityos.alerting.internal.expr.Truth.FALSE;
import static org.cityos.alerting.internal.expr.Truth.TRUE;
import static org.cityos.alerting.internal.expr.Truth.UNKNOWN;

/**
 * Boolean nodes: constants, bool variables, {@code && || ! ? :} with CEL's absorption. Records, because the JIT
 * trusts their fields as final and folds them like constants.
 */
final class Logic {
    private Logic() {}

    record Constant(int value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            return value;
        }
    }

    /** A BOOL variable, kept as 1/0 in the number slots. */
    record Variable(int slot) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double v = facts.numbers[slot];
            return v == 1 ? TRUE : v == 0 ? FALSE : UNKNOWN;
        }
    }

    /** False if either side is false, true if both are true, else unknown; an error surfaces only if undecided. */
    record And(BoolNode left, BoolNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            int a;
            EvaluationError error = null;
            try {
                a = left.eval(facts);
                if (a == FALSE) {
                    return FALSE;
                }
            } catch (EvaluationError e) {
                error = e;
                a = TRUE; // stands aside: the right side decides, or the error surfaces
            }
            int b = evalRight(right, facts, a, error);
            if (b == FALSE) {
                return FALSE;
            }
            if (a == UNKNOWN || b == UNKNOWN) {
                return UNKNOWN;
            }
            if (error != null) {
                throw error;
            }
            return TRUE;
        }
    }

    /** True if either side is true, false if both are false, else unknown; an error surfaces only if undecided. */
    record Or(BoolNode left, BoolNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            int a;
            EvaluationError error = null;
            try {
                a = left.eval(facts);
                if (a == TRUE) {
                    return TRUE;
                }
            } catch (EvaluationError e) {
                error = e;
                a = FALSE;
            }
            int b = evalRight(right, facts, a, error);
            if (b == TRUE) {
                return TRUE;
            }
            if (a == UNKNOWN || b == UNKNOWN) {
                return UNKNOWN;
            }
            if (error != null) {
                throw error;
            }
            return FALSE;
        }
    }

    record Not(BoolNode operand) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            int a = operand.eval(facts);
            return a == UNKNOWN ? UNKNOWN : a ^ 1;
        }
    }

    record Choice(BoolNode condition, BoolNode then, BoolNode otherwise) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            int c = condition.eval(facts);
            return c == TRUE ? then.eval(facts) : c == FALSE ? otherwise.eval(facts) : UNKNOWN;
        }
    }

    /** {@code == != < <= > >=} between bools (false orders before true). */
    record Compare(BoolNode left, BoolNode right, Order order) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            int a = left.eval(facts);
            int b = right.eval(facts);
            return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : Truth.of(order.holds(Integer.compare(a, b)));
        }
    }

    /**
     * The right side of && / ||. When the left side failed and the right one is unknown, CEL answers unknown
     * (unknowns win over errors); when both failed, the left error is the one reported.
     */
    private static int evalRight(BoolNode right, Facts facts, int left, EvaluationError leftError) {
        try {
            return right.eval(facts);
        } catch (EvaluationError e) {
            if (left == UNKNOWN) {
                return UNKNOWN;
            }
            throw leftError != null ? leftError : e;
        }
    }
}
