package org.cityos.alerting.internal.expr;

import static org.cityos.alerting.internal.expr.Truth.FALSE;
import static org.cityos.alerting.internal.expr.Truth.TRUE;
import static org.cityos.alerting.internal.expr.Truth.UNKNOWN;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code in}: a string or number in a list literal, or a string in a TEXT_LIST variable. As in CEL, a list
 * literal with an unknown element is unknown as a whole, whatever the other elements are.
 */
final class Membership {
    private Membership() {}

    /** A string in a list literal: a hash set when every element is a literal. */
    static BoolNode ofTexts(TextNode needle, TextNode[] elements) {
        if (!Arrays.stream(elements).allMatch(e -> e instanceof Texts.Constant)) {
            return new TextInElements(needle, elements);
        }
        Set<String> values = new HashSet<>();
        for (TextNode e : elements) {
            values.add(((Texts.Constant) e).value());
        }
        return new TextInSet(needle, Set.copyOf(values));
    }

    /** A number in a list literal: an array of values when every element is a literal. */
    static BoolNode ofNumbers(NumberNode needle, NumberNode[] elements) {
        if (!Arrays.stream(elements).allMatch(e -> e instanceof Arithmetic.Constant)) {
            return new NumberInElements(needle, elements);
        }
        double[] values = new double[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = ((Arithmetic.Constant) elements[i]).value();
        }
        return new NumberInValues(needle, values);
    }

    /** {@code lineCode in ['301', '302']}: all literals, so a hash set. */
    record TextInSet(TextNode needle, Set<String> values) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String s = needle.eval(facts);
            return s == null ? UNKNOWN : Truth.of(values.contains(s));
        }
    }

    record TextInElements(TextNode needle, TextNode[] elements) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String s = needle.eval(facts);
            boolean found = false;
            for (TextNode e : elements) {
                String v = e.eval(facts);
                if (v == null) {
                    return UNKNOWN;
                }
                found |= v.equals(s);
            }
            return s == null ? UNKNOWN : Truth.of(found);
        }
    }

    record TextInVariable(TextNode needle, int slot) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String s = needle.eval(facts);
            return s == null || !(facts.refs[slot] instanceof List<?> l) ? UNKNOWN : Truth.of(l.contains(s));
        }
    }

    /** {@code pm25 in [75, 100]}: all literals, so a plain array scan. */
    record NumberInValues(NumberNode needle, double[] values) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double x = needle.eval(facts);
            if (x != x) {
                return UNKNOWN;
            }
            for (double v : values) {
                if (v == x) {
                    return TRUE;
                }
            }
            return FALSE;
        }
    }

    record NumberInElements(NumberNode needle, NumberNode[] elements) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            double x = needle.eval(facts);
            boolean found = false;
            for (NumberNode e : elements) {
                double v = e.eval(facts);
                if (v != v) {
                    return UNKNOWN;
                }
                found |= v == x;
            }
            return x != x ? UNKNOWN : Truth.of(found);
        }
    }
}
