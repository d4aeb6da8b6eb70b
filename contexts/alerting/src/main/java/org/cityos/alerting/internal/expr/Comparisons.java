package org.cityos.alerting.internal.expr;

import static org.cityos.alerting.internal.expr.Truth.FALSE;
import static org.cityos.alerting.internal.expr.Truth.TRUE;
import static org.cityos.alerting.internal.expr.Truth.UNKNOWN;

/**
 * Comparisons. Numbers get one class per operator, and one more for the commonest shape (a variable against a
 * literal, {@code pm25 > 75}), so the hot path is a load and two compares: NaN fails both {@code a > b} and
 * {@code a <= b}, which is exactly when the answer is unknown.
 */
final class Comparisons {
    private Comparisons() {}

    static BoolNode numbers(NumberNode l, NumberNode r, Order order) {
        if (l instanceof Arithmetic.Variable v && r instanceof Arithmetic.Constant c) {
            return variableAgainst(v.slot(), order, c.value());
        }
        if (l instanceof Arithmetic.Constant c && r instanceof Arithmetic.Variable v) {
            return variableAgainst(v.slot(), mirror(order), c.value());
        }
        return switch (order) {
            case EQ -> new Equal(l, r);
            case NE -> new NotEqual(l, r);
            case LT -> new Greater(r, l);
            case LE -> new GreaterOrEqual(r, l);
            case GT -> new Greater(l, r);
            case GE -> new GreaterOrEqual(l, r);
        };
    }

    private static BoolNode variableAgainst(int slot, Order order, double c) {
        return switch (order) {
            case EQ -> new VariableEqual(slot, c);
            case NE -> new Logic.Not(new VariableEqual(slot, c));
            case LT -> new VariableLess(slot, c);
            case LE -> new VariableLessOrEqual(slot, c);
            case GT -> new VariableGreater(slot, c);
            case GE -> new VariableGreaterOrEqual(slot, c);
        };
    }

    private static Order mirror(Order o) {
        return switch (o) {
            case LT -> Order.GT;
            case LE -> Order.GE;
            case GT -> Order.LT;
            case GE -> Order.LE;
            default -> o;
        };
    }

    record Greater(NumberNode left, NumberNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = left.eval(facts);
            double b = right.eval(facts);
            return a > b ? TRUE : a <= b ? FALSE : UNKNOWN;
        }
    }

    record GreaterOrEqual(NumberNode left, NumberNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = left.eval(facts);
            double b = right.eval(facts);
            return a >= b ? TRUE : a < b ? FALSE : UNKNOWN;
        }
    }

    record Equal(NumberNode left, NumberNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = left.eval(facts);
            double b = right.eval(facts);
            return a == b ? TRUE : a != a || b != b ? UNKNOWN : FALSE;
        }
    }

    record NotEqual(NumberNode left, NumberNode right) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = left.eval(facts);
            double b = right.eval(facts);
            return a == b ? FALSE : a != a || b != b ? UNKNOWN : TRUE;
        }
    }

    record VariableGreater(int slot, double value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = facts.numbers[slot];
            return a > value ? TRUE : a <= value ? FALSE : UNKNOWN;
        }
    }

    record VariableGreaterOrEqual(int slot, double value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = facts.numbers[slot];
            return a >= value ? TRUE : a < value ? FALSE : UNKNOWN;
        }
    }

    record VariableLess(int slot, double value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = facts.numbers[slot];
            return a < value ? TRUE : a >= value ? FALSE : UNKNOWN;
        }
    }

    record VariableLessOrEqual(int slot, double value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = facts.numbers[slot];
            return a <= value ? TRUE : a > value ? FALSE : UNKNOWN;
        }
    }

    record VariableEqual(int slot, double value) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = facts.numbers[slot];
            return a == value ? TRUE : a != a ? UNKNOWN : FALSE;
        }
    }

    /**
     * An int ({@code size()}, {@code int()}) ordered against a double. cel-java orders these with
     * {@code Double.compare}, so {@code 0 > -0.0} holds there though not between two doubles; mirrored so that both
     * paths answer alike.
     */
    record MixedOrder(NumberNode left, NumberNode right, Order order) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double a = left.eval(facts);
            double b = right.eval(facts);
            return a != a || b != b ? UNKNOWN : Truth.of(order.holds(Double.compare(a, b)));
        }
    }

    /** Strings compare by UTF-16 units, as cel-java's runtime does. */
    record Texts(TextNode left, TextNode right, Order order) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String a = left.eval(facts);
            String b = right.eval(facts);
            if (a == null || b == null) {
                return UNKNOWN;
            }
            return switch (order) {
                case EQ -> Truth.of(a.equals(b));
                case NE -> Truth.of(!a.equals(b));
                default -> Truth.of(order.holds(a.compareTo(b)));
            };
        }
    }
}
