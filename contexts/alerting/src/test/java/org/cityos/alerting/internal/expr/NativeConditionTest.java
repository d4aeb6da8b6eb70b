package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator and function the native tree covers, on a station with every value present: each condition must
 * compile natively and answer as written, and the same as cel-java's runtime does.
 */
class NativeConditionTest {
    static Stream<Arguments> conditions() {
        return Stream.of(
                // literals
                holds("true"),
                fails("false"),
                holds("null == null"),
                fails("null != null"),
                // numbers against int, uint and double literals
                holds("pm25 > 75"),
                holds("pm25 > 75.0"),
                fails("pm25 > 80u"),
                holds("75 < pm25"),
                holds("pm25 >= 80"),
                holds("pm25 <= 80"),
                fails("pm25 < 80"),
                holds("pm25 == 80"),
                fails("pm25 != 80"),
                holds("pm25 + 1 > pm10 - 40"),
                holds("pm10 - 40 < pm25 + 1"),
                fails("pm25 >= pm10"),
                holds("pm25 != pm10"),
                fails("pm25 == pm10"),
                // arithmetic: doubles throughout, so no integer division and no error dividing by zero
                holds("pm25 + pm10 == 200"),
                holds("pm10 - pm25 == 40"),
                holds("pm25 * 2 == 160"),
                holds("pm25 / 3 > 26.6 && pm25 / 3 < 26.7"),
                holds("7 / 2 == 3.5"),
                holds("pm10 / 0 > 1e300"),
                holds("pm10 % 7 == 1"),
                holds("pm25 % 2.5 == 0"),
                holds("-pm25 == -80"),
                holds("-temp > 3"),
                holds("(pm25 - pm10) * -1 == 40"),
                // functions
                holds("abs(temp) == 3.5"),
                holds("abs(pm25) == 80"),
                holds("min(pm25, pm10) == 80"),
                holds("max(pm25, pm10, 100) == 120"),
                holds("min(pm25, pm10, temp, 0) == -3.5"),
                holds("double(size(name)) == 16.0"),
                holds("double(pm25) == 80"),
                holds("int(temp) == -3"),
                holds("int(pm25 / 3) == 26"),
                holds("int(size(name)) == 16"),
                holds("size(name) == 16"),
                holds("size(name) * 2 == 32"),
                holds("2 * size(name) != 31"),
                holds("name.size() > 15.5"),
                holds("size(tags) == 2"),
                holds("tags.size() > 1"),
                // bools
                holds("smokeAlarm"),
                holds("!open"),
                fails("!smokeAlarm"),
                holds("smokeAlarm && !open"),
                fails("smokeAlarm && open"),
                holds("open || smokeAlarm"),
                fails("open || !smokeAlarm"),
                holds("smokeAlarm == true"),
                holds("open != smokeAlarm"),
                holds("open < smokeAlarm"),
                fails("open >= smokeAlarm"),
                // ternary of bools, numbers and text
                fails("smokeAlarm ? pm25 > 100 : true"),
                holds("open ? false : true"),
                holds("(open ? pm25 : pm10) == 120"),
                holds("(smokeAlarm ? 'on' : 'off') == 'on'"),
                // text
                holds("lineCode == '301'"),
                holds("lineCode != '302'"),
                holds("'301' == lineCode"),
                holds("name < 'E'"),
                holds("name >= 'Daxing'"),
                fails("name > 'Daxing T'"),
                holds("name + '!' == 'Daxing Station 7!'"),
                holds("name.startsWith('Daxing')"),
                fails("name.startsWith('Station')"),
                holds("name.endsWith(' 7')"),
                holds("name.contains('Station')"),
                fails("name.contains('station')"),
                holds("name.matches('Station [0-9]+$')"),
                holds("matches(lineCode, '^3')"),
                fails("name.matches('^Station')"),
                holds("name.startsWith(lineCode) || name.contains(lineCode.size() > 1 ? 'x' : 'y') || true"),
                // in
                holds("lineCode in ['301', '302']"),
                fails("lineCode in ['401']"),
                fails("lineCode in []"),
                holds("lineCode in [name, '301']"),
                holds("'metro' in tags"),
                fails("'north' in tags"),
                fails("lineCode in tags"),
                holds("pm25 in [75, 80]"),
                holds("pm25 in [75.0, 80.0]"),
                fails("pm25 in [pm10, 1]"),
                holds("pm25 in [pm10, 80]"),
                // a realistic rule
                holds("pm25 > 75 && pm10 < 300 && lineCode in ['301', '302'] && !open"));
    }

    private static Arguments holds(String source) {
        return Arguments.of(source, true);
    }

    private static Arguments fails(String source) {
        return Arguments.of(source, false);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("conditions")
    void answersAsWrittenAndAsCelJavaDoes(String source, boolean expected) {
        Condition[] both = COMPILER.compileBothWays(source, VOCABULARY);
        Condition c = both[0];
        Condition reference = both[1];
        assertThat(c).as("native").isNotNull();
        assertThat(c.compiled()).isTrue();
        assertThat(reference.compiled()).isFalse();
        assertThat(c.test(Fixtures.station())).isEqualTo(expected);
        assertThat(reference.test(Fixtures.station())).as("cel-java runtime").isEqualTo(expected);
    }

    @Test
    void sizeCountsCodePointsNotUtf16Units() {
        Facts f = Fixtures.station();
        f.text(Fixtures.slot("name"), "大兴\uD83D\uDE87");
        assertThat(COMPILER.compile("size(name) == 3", VOCABULARY).test(f)).isTrue();
        assertThat(Fixtures.onRuntime("size(name) == 3").test(f)).isTrue();
    }

    @Test
    void anIntOrdersAgainstNegativeZeroAsCelJavaDoes() {
        Facts f = Fixtures.station();
        f.text(Fixtures.slot("lineCode"), "");
        // cel-java orders int against double with Double.compare (0 > -0.0); two doubles compare as IEEE does
        for (String source : List.of("size(lineCode) > -0.0", "!(0.0 > -0.0)", "size(lineCode) == -0.0")) {
            assertThat(COMPILER.compile(source, VOCABULARY).test(f)).as(source).isTrue();
            assertThat(Fixtures.onRuntime(source).test(f)).as(source).isTrue();
        }
    }

    @Test
    void intOfANumberOutOfRangeFailsLikeCelUnlessAbsorbed() {
        String overflow = "int(pm25 * 1e300) > 0";
        for (Condition c : List.of(COMPILER.compile(overflow, VOCABULARY), Fixtures.onRuntime(overflow))) {
            assertThatThrownBy(() -> c.test(Fixtures.station()))
                    .isInstanceOf(ConditionFailed.class)
                    .hasMessageContaining("out of range");
        }
        for (String absorbed : List.of(overflow + " || pm25 > 1", "pm25 > 1 || " + overflow)) {
            assertThat(COMPILER.compile(absorbed, VOCABULARY).test(Fixtures.station()))
                    .isTrue();
            assertThat(Fixtures.onRuntime(absorbed).test(Fixtures.station())).isTrue();
        }
        for (String absorbed : List.of(overflow + " && pm25 > 100", "pm25 > 100 && " + overflow)) {
            assertThat(COMPILER.compile(absorbed, VOCABULARY).test(Fixtures.station()))
                    .isFalse();
            assertThat(Fixtures.onRuntime(absorbed).test(Fixtures.station())).isFalse();
        }
    }

    @Test
    void readsNamesTheVariablesInSlotOrder() {
        Condition c = COMPILER.compile("lineCode in tags && pm25 > 75 || size(name) > pm25", VOCABULARY);
        assertThat(c.reads()).containsExactly("pm25", "lineCode", "name", "tags");
        assertThat(c.source()).isEqualTo("lineCode in tags && pm25 > 75 || size(name) > pm25");
    }

    @Test
    void factsOfAnotherVocabularyFailInsteadOfReadingWrongSlots() {
        Facts other = new Facts(Vocabulary.builder().text("pm25").build());
        Condition c = COMPILER.compile("pm25 > 75", VOCABULARY);
        assertThatThrownBy(() -> c.test(other)).isInstanceOf(ConditionFailed.class);
        assertThatThrownBy(() -> c.test(null)).isInstanceOf(ConditionFailed.class);
    }
}
