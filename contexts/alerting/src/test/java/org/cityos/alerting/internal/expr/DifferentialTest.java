package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * About 2,000 random conditions over a small vocabulary, each evaluated by the native tree and by cel-java's runtime
 * on random facts. Facts are all present and non-zero divisors keep NaN out, so the two semantics must coincide,
 * errors included ({@code int()} of a product out of range fails on both paths or is absorbed on both).
 */
class DifferentialTest {
    private static final Vocabulary V = Vocabulary.builder()
            .number("a")
            .number("b")
            .number("c")
            .bool("f")
            .bool("g")
            .text("s")
            .text("t")
            .textList("l")
            .build();

    private static final double[] NUMBERS = {-7.5, -2, 0.5, 1, 3, 4.25, 10, 75, 100, 250};
    private static final String[] TEXTS = {"301", "302", "ab", "abc", "b", "Daxing", "", "Daxing 3"};
    private static final String[] PATTERNS = {"^3", "b$", "a.c", "[0-9]+", "^D", "x?"};
    private static final String[] ORDERS = {"<", "<=", ">", ">=", "==", "!="};

    private final Random random = new Random(20260611);
    private final ConditionCompiler compiler = new ConditionCompiler();

    private enum Outcome {
        TRUE,
        FALSE,
        FAILED
    }

    @Test
    void nativeTreeAndCelJavaRuntimeAgree() {
        List<String> disagreements = new ArrayList<>();
        int evaluations = 0;
        int failures = 0;
        for (int i = 0; i < 2000; i++) {
            String source = bool(1 + random.nextInt(4));
            Condition[] both = compiler.compileBothWays(source, V);
            Condition compiled = both[0];
            Condition reference = both[1];
            assertThat(compiled).as("native: %s", source).isNotNull();
            for (int k = 0; k < 5; k++) {
                Facts facts = facts();
                Outcome expected = outcome(reference, facts);
                Outcome actual = outcome(compiled, facts);
                evaluations++;
                failures += expected == Outcome.FAILED ? 1 : 0;
                if (actual != expected) {
                    disagreements.add(source + " on " + describe(facts) + ": native " + actual + ", cel " + expected);
                }
            }
        }
        assertThat(disagreements).as("of %d evaluations", evaluations).isEmpty();
        // the generator must keep producing both answers and some errors, or the comparison proves little
        assertThat(failures).isPositive().isLessThan(evaluations / 10);
    }

    private static Outcome outcome(Condition c, Facts facts) {
        try {
            return c.test(facts) ? Outcome.TRUE : Outcome.FALSE;
        } catch (ConditionFailed e) {
            return Outcome.FAILED;
        }
    }

    private Facts facts() {
        Facts f = new Facts(V);
        for (String n : List.of("a", "b", "c")) {
            f.number(V.slot(n), pick(NUMBERS));
        }
        f.bool(V.slot("f"), random.nextBoolean());
        f.bool(V.slot("g"), random.nextBoolean());
        f.text(V.slot("s"), pick(TEXTS));
        f.text(V.slot("t"), pick(TEXTS));
        List<String> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(pick(TEXTS));
        }
        f.texts(V.slot("l"), list);
        return f;
    }

    private static String describe(Facts f) {
        StringBuilder b = new StringBuilder("{");
        for (String n : V.names()) {
            int s = V.slot(n);
            Object v = V.type(n) == VarType.TEXT || V.type(n) == VarType.TEXT_LIST ? f.refs[s] : f.number(s);
            b.append(n).append('=').append(v).append(' ');
        }
        return b.append('}').toString();
    }

    private String bool(int depth) {
        if (depth <= 0) {
            return switch (random.nextInt(6)) {
                case 0 -> "f";
                case 1 -> "g";
                case 2 -> random.nextBoolean() ? "true" : "false";
                case 3, 4 -> number(0) + " " + pick(ORDERS) + " " + number(0);
                default -> text(0) + " " + pick(ORDERS) + " " + text(0);
            };
        }
        int d = depth - 1;
        return switch (random.nextInt(17)) {
            case 0, 1 -> "(" + bool(d) + " && " + bool(d) + ")";
            case 2, 3 -> "(" + bool(d) + " || " + bool(d) + ")";
            case 4 -> "!(" + bool(d) + ")";
            case 5 -> "(" + bool(d) + " ? " + bool(d) + " : " + bool(d) + ")";
            case 6, 7 -> number(d) + " " + pick(ORDERS) + " " + number(d);
            case 8 -> text(d) + " " + pick(ORDERS) + " " + text(d);
            case 9 -> number(d) + " in [" + list(() -> random.nextBoolean() ? number(0) : literal()) + "]";
            case 10 -> text(d) + " in [" + list(() -> text(0)) + "]";
            case 11 -> text(d) + " in l";
            case 12 -> text(d) + "." + pick(new String[] {"startsWith", "endsWith", "contains"}) + "(" + text(0) + ")";
            case 13 -> text(d) + ".matches('" + pick(PATTERNS) + "')";
            case 14 -> "((" + bool(d) + ") " + pick(ORDERS) + " (" + bool(d) + "))";
            case 15 ->
                (random.nextBoolean() ? "size(" + text(d) + ")" : "size(l)") + " " + pick(ORDERS) + " " + number(d);
            default -> "int(" + number(d) + ") " + pick(ORDERS) + " " + number(d);
        };
    }

    private String number(int depth) {
        if (depth <= 0 || random.nextInt(5) == 0) {
            return switch (random.nextInt(4)) {
                case 0, 1 -> pick(new String[] {"a", "b", "c"});
                default -> literal();
            };
        }
        int d = depth - 1;
        return switch (random.nextInt(13)) {
            case 0 -> "(" + number(d) + " + " + number(d) + ")";
            case 1 -> "(" + number(d) + " - " + number(d) + ")";
            case 2 -> "(" + number(d) + " * " + number(d) + ")";
            case 3 -> "(" + number(d) + " / " + divisor() + ")";
            case 4 -> "(" + number(d) + " % " + divisor() + ")";
            case 5 -> "-(" + number(d) + ")";
            case 6 -> "abs(" + number(d) + ")";
            case 7 -> "min(" + number(d) + ", " + list(() -> number(d)) + ")";
            case 8 -> "max(" + number(d) + ", " + number(d) + ")";
            case 9 -> "double(size(" + text(d) + "))";
            case 10 -> "double(int(" + number(d) + "))";
            case 11 -> "(" + bool(d) + " ? " + number(d) + " : " + number(d) + ")";
            default -> "double(" + number(d) + ")";
        };
    }

    private String text(int depth) {
        if (depth <= 0 || random.nextInt(3) == 0) {
            return random.nextBoolean() ? pick(new String[] {"s", "t"}) : "'" + pick(TEXTS) + "'";
        }
        int d = depth - 1;
        return random.nextBoolean()
                ? "(" + bool(d) + " ? " + text(d) + " : " + text(d) + ")"
                : "(" + text(d) + " + " + text(d) + ")";
    }

    /** Int and double literals alike: both must mean the same number. */
    private String literal() {
        return pick(
                new String[] {"0", "1", "2", "3", "7", "10", "75", "100", "0.5", "2.5", "3.75", "-1.5", "4u", "1e18"});
    }

    /** Never zero: the facts' numbers are not, and neither are these. */
    private String divisor() {
        return pick(new String[] {"a", "b", "c", "1", "2", "3", "0.5", "7"});
    }

    private String list(java.util.function.Supplier<String> element) {
        StringBuilder b = new StringBuilder(element.get());
        for (int i = random.nextInt(3); i > 0; i--) {
            b.append(", ").append(element.get());
        }
        return b.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private double pick(double[] values) {
        return values[random.nextInt(values.length)];
    }
}
