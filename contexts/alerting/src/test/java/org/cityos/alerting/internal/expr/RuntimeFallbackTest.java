package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;
import static org.cityos.alerting.internal.expr.Fixtures.slot;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the native tree does not cover runs on cel-java's runtime behind the same interface, with the same answers. */
class RuntimeFallbackTest {
    @Test
    void aMacroFallsBackAndAnswersLikeItsCompiledEquivalent() {
        Condition macro = COMPILER.compile("[pm25, pm10].exists(x, x > 100)", VOCABULARY);
        Condition plain = COMPILER.compile("pm25 > 100 || pm10 > 100", VOCABULARY);
        assertThat(macro.compiled()).isFalse();
        assertThat(plain.compiled()).isTrue();
        assertThat(macro.reads()).containsExactly("pm25", "pm10");
        double[][] readings = {
            {80, 120},
            {120, 80},
            {80, 90},
            {100, 100},
            {101, 101},
            {80, Double.NaN},
            {Double.NaN, 90},
            {Double.NaN, Double.NaN}
        };
        Facts f = new Facts(VOCABULARY);
        for (double[] r : readings) {
            f.clear();
            f.number(slot("pm25"), r[0]);
            f.number(slot("pm10"), r[1]);
            assertThat(macro.test(f)).as("pm25=%s pm10=%s", r[0], r[1]).isEqualTo(plain.test(f));
        }
        // Where they part, CEL's rule decides: a list holding an unknown is unknown as a whole, so the macro over
        // [120, missing] does not hold though its hand-written || does. The native `in` follows the same rule.
        f.clear();
        f.number(slot("pm25"), 120);
        assertThat(plain.test(f)).isTrue();
        assertThat(macro.test(f)).isFalse();
        assertThat(COMPILER.compile("120 in [pm25, pm10]", VOCABULARY).test(f)).isFalse();
    }

    @Test
    void uncoveredConstructsRunOnTheRuntime() {
        Facts station = Fixtures.station();
        String[] holding = {
            "tags.exists(t, t.startsWith('me'))",
            "tags.all(t, size(t) == 5)",
            "tags.filter(t, t != 'metro') == ['south']",
            "size(tags) + size(name) == 18", // int-only arithmetic keeps CEL's int semantics
            "lineCode.matches(lineCode)", // a pattern computed per event
            "double(lineCode) > 300.5", // conversions from text
            "int(lineCode) == 301",
            "tags[0] == 'metro'",
            "{'301': 'Line 1'}[lineCode] == 'Line 1'",
            "string(pm25) == '80.0'",
            "has({'a': 1}.a)",
        };
        for (String source : holding) {
            Condition c = COMPILER.compile(source, VOCABULARY);
            assertThat(c.compiled()).as(source).isFalse();
            assertThat(c.test(station)).as(source).isTrue();
        }
    }

    @Test
    void missingValuesAreCelUnknownsOnTheRuntimeToo() {
        Condition c = COMPILER.compile("tags.exists(t, t == 'metro')", VOCABULARY);
        Condition negated = COMPILER.compile("!tags.exists(t, t == 'metro')", VOCABULARY);
        Condition absorbed = COMPILER.compile("pm25 > 75 || tags.exists(t, t == 'metro')", VOCABULARY);
        assertThat(c.test(Fixtures.sparse())).isFalse();
        assertThat(negated.test(Fixtures.sparse())).isFalse();
        assertThat(absorbed.test(Fixtures.sparse())).isTrue();
        Facts f = Fixtures.sparse();
        f.texts(slot("tags"), List.of("north"));
        assertThat(negated.test(f)).isTrue();
    }

    @Test
    void runtimeErrorsBecomeConditionFailed() {
        Facts station = Fixtures.station();
        station.text(slot("lineCode"), "L1");
        Condition parse = COMPILER.compile("int(lineCode) == 1", VOCABULARY);
        assertThatThrownBy(() -> parse.test(station))
                .isInstanceOf(ConditionFailed.class)
                .satisfies(e -> assertThat(((ConditionFailed) e).source()).isEqualTo("int(lineCode) == 1"));
        Condition index = COMPILER.compile("tags[5] == 'x'", VOCABULARY);
        assertThatThrownBy(() -> index.test(station)).isInstanceOf(ConditionFailed.class);
        Facts huge = Fixtures.station();
        huge.text(slot("lineCode"), "(a*)*".repeat(500));
        Condition pattern = COMPILER.compile("name.matches(lineCode)", VOCABULARY);
        assertThatThrownBy(() -> pattern.test(huge)).isInstanceOf(ConditionFailed.class);
        Condition overflow = COMPILER.compile("int(pm25 * 1e17) * int(pm25 * 1e17) > 0", VOCABULARY);
        assertThatThrownBy(() -> overflow.test(station)).isInstanceOf(ConditionFailed.class);
    }

    @Test
    void aRunawayMacroIsStoppedNotLeftToStall() {
        Condition c = COMPILER.compile("tags.all(a, tags.all(b, tags.all(c, tags.all(d, true))))", VOCABULARY);
        Facts f = Fixtures.station();
        f.texts(slot("tags"), List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"));
        assertThatThrownBy(() -> c.test(f)).isInstanceOf(ConditionFailed.class);
    }
}
