package org.cityos.alerting.internal.expr;

/**
 * A comparison of one number variable with a constant that a condition needs to hold (the condition itself, or one
 * side of its top-level {@code &&}): where the guard does not admit a value, the condition is not true for it,
 * whatever the other variables are. The engine checks it before filling a rule's facts, so that a reading far from
 * every threshold costs a comparison per rule instead of an evaluation.
 *
 * @param variable the variable's name
 * @param slot its slot in the condition's vocabulary
 * @param order how the variable must stand to {@code bound}
 * @param bound the constant
 */
public record Guard(String variable, int slot, Order order, double bound) {
    /** The comparisons a guard can be. */
    public enum Order {
        GREATER,
        GREATER_OR_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        EQUAL
    }

    /** Whether the condition can hold with the variable at {@code value}; a missing value (NaN) never does. */
    public boolean admits(double value) {
        return switch (order) {
            case GREATER -> value > bound;
            case GREATER_OR_EQUAL -> value >= bound;
            case LESS -> value < bound;
            case LESS_OR_EQUAL -> value <= bound;
            case EQUAL -> value == bound;
        };
    }

    /** The guard of a compiled tree: its own comparison, or the first found down the left, then the right, of an {@code &&}. */
    static Guard of(BoolNode node, Vocabulary vocabulary) {
        Guard g = comparison(node, vocabulary);
        if (g != null || !(node instanceof Logic.And and)) {
            return g;
        }
        Guard left = of(and.left(), vocabulary);
        return left != null ? left : of(and.right(), vocabulary);
    }

    private static Guard comparison(BoolNode node, Vocabulary vocabulary) {
        if (node instanceof Comparisons.VariableGreater c) {
            return guard(vocabulary, c.slot(), Order.GREATER, c.value());
        }
        if (node instanceof Comparisons.VariableGreaterOrEqual c) {
            return guard(vocabulary, c.slot(), Order.GREATER_OR_EQUAL, c.value());
        }
        if (node instanceof Comparisons.VariableLess c) {
            return guard(vocabulary, c.slot(), Order.LESS, c.value());
        }
        if (node instanceof Comparisons.VariableLessOrEqual c) {
            return guard(vocabulary, c.slot(), Order.LESS_OR_EQUAL, c.value());
        }
        if (node instanceof Comparisons.VariableEqual c) {
            return guard(vocabulary, c.slot(), Order.EQUAL, c.value());
        }
        return null;
    }

    private static Guard guard(Vocabulary vocabulary, int slot, Order order, double bound) {
        // Only a plain number variable: its value in the facts is the device's reading as it came.
        if (vocabulary.type(slot) != VarType.NUMBER || Double.isNaN(bound)) {
            return null;
        }
        return new Guard(vocabulary.names().get(slot), slot, order, bound);
    }
}
