package org.cityos.alerting.internal.expr;

import java.util.List;

/** Numeric nodes: constants, NUMBER variables, {@code + - * / %}, unary minus and the numeric functions. */
final class Arithmetic {
    /** CEL's int range for {@code int()}: both ends excluded, as cel-java does (-2^63 itself is refused). */
    private static final double INT_LIMIT = 9.223372036854775807E18;

    private Arithmetic() {}

    record Constant(double value) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return value;
        }
    }

    record Variable(int slot) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return facts.numbers[slot];
        }
    }

    record Add(NumberNode left, NumberNode right) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return left.eval(facts) + right.eval(facts);
        }
    }

    record Subtract(NumberNode left, NumberNode right) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return left.eval(facts) - right.eval(facts);
        }
    }

    record Multiply(NumberNode left, NumberNode right) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return left.eval(facts) * right.eval(facts);
        }
    }

    /** Double division: by zero gives an infinity, never an error. */
    record Divide(NumberNode left, NumberNode right) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return left.eval(facts) / right.eval(facts);
        }
    }

    /** Java's {@code %} on doubles (sign of the dividend), as bound for the fallback. */
    record Modulo(NumberNode left, NumberNode right) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return left.eval(facts) % right.eval(facts);
        }
    }

    record Negate(NumberNode operand) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return -operand.eval(facts);
        }
    }

    record Abs(NumberNode operand) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return Math.abs(operand.eval(facts));
        }
    }

    /** min or max of two or more numbers; NaN (unknown) in, NaN out. */
    record Extreme(NumberNode[] operands, boolean least) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            double r = operands[0].eval(facts);
            for (int i = 1; i < operands.length; i++) {
                double v = operands[i].eval(facts);
                r = least ? ConditionLanguage.min(r, v) : ConditionLanguage.max(r, v);
            }
            return r;
        }
    }

    /** {@code int()} of a double: truncates toward zero; out of CEL's int range it is an error, as in CEL. */
    record Truncate(NumberNode operand) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            double v = operand.eval(facts);
            if (v != v) {
                return v;
            }
            if (!(v > -INT_LIMIT && v < INT_LIMIT)) {
                throw new EvaluationError("double is out of range for int: " + v);
            }
            return (double) (long) v;
        }
    }

    record Choice(BoolNode condition, NumberNode then, NumberNode otherwise) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            int c = condition.eval(facts);
            return c == Truth.TRUE ? then.eval(facts) : c == Truth.FALSE ? otherwise.eval(facts) : Double.NaN;
        }
    }

    /** {@code size()} of a string counts code points, as CEL does. */
    record TextSize(TextNode operand) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            String s = operand.eval(facts);
            return s == null ? Double.NaN : s.codePointCount(0, s.length());
        }
    }

    record ListSize(int slot) implements NumberNode {
        @Override
        public double eval(Facts facts) {
            return facts.refs[slot] instanceof List<?> l ? l.size() : Double.NaN;
        }
    }
}
