package org.cityos.alerting.internal.expr;

import static org.cityos.alerting.internal.expr.Truth.UNKNOWN;

import com.google.re2j.Pattern;

/** String nodes and the string functions {@code startsWith endsWith contains matches} and {@code +}. */
final class Texts {
    private Texts() {}

    record Constant(String value) implements TextNode {
        @Override
        public String eval(Facts facts) {
            return value;
        }
    }

    record Variable(int slot) implements TextNode {
        @Override
        public String eval(Facts facts) {
            return facts.refs[slot] instanceof String s ? s : null;
        }
    }

    record Concat(TextNode left, TextNode right) implements TextNode {
        @Override
        public String eval(Facts facts) {
            String a = left.eval(facts);
            String b = right.eval(facts);
            return a == null || b == null ? null : a.concat(b);
        }
    }

    record Choice(BoolNode condition, TextNode then, TextNode otherwise) implements TextNode {
        @Override
        public String eval(Facts facts) {
            int c = condition.eval(facts);
            return c == Truth.TRUE ? then.eval(facts) : c == Truth.FALSE ? otherwise.eval(facts) : null;
        }
    }

    enum Test {
        STARTS_WITH,
        ENDS_WITH,
        CONTAINS;

        boolean holds(String s, String part) {
            return switch (this) {
                case STARTS_WITH -> s.startsWith(part);
                case ENDS_WITH -> s.endsWith(part);
                case CONTAINS -> s.contains(part);
            };
        }
    }

    record Function(TextNode subject, TextNode argument, Test test) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String s = subject.eval(facts);
            String part = argument.eval(facts);
            return s == null || part == null ? UNKNOWN : Truth.of(test.holds(s, part));
        }
    }

    /**
     * {@code matches} with a literal pattern, compiled once with RE2 (re2j, the engine cel-java uses) and searched
     * anywhere in the subject, as CEL's partial-match semantics say.
     */
    record Matches(TextNode subject, Pattern pattern) implements BoolNode {
        @Override
        public int eval(Facts facts) {
            String s = subject.eval(facts);
            return s == null ? UNKNOWN : Truth.of(pattern.matcher(s).find());
        }
    }
}
