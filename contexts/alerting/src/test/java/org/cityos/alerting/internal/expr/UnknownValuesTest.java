package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three-valued logic on a station that reported only pm25 = 80: what touches a missing value is unknown, false
 * absorbs it in &&, true in ||, and an unknown answer does not hold. cel-java's runtime, given the missing values as
 * CEL unknowns, must answer the same.
 */
class UnknownValuesTest {
    static Stream<Arguments> conditions() {
        return Stream.of(
                fails("pm10 > 100"),
                fails("pm10 <= 100"),
                fails("!(pm10 > 100)"),
                fails("pm10 == pm10"),
                fails("pm10 != 3"),
                // the device never reported smokeAlarm: neither it nor its negation holds
                fails("smokeAlarm"),
                fails("!smokeAlarm"),
                fails("smokeAlarm == false"),
                // || : true absorbs unknown, on either side
                holds("pm25 > 75 || pm10 > 100"),
                holds("pm10 > 100 || pm25 > 75"),
                fails("pm25 > 90 || pm10 > 100"),
                fails("!(pm25 > 90 || pm10 > 100)"),
                // && : false absorbs unknown, on either side
                fails("pm25 > 75 && pm10 > 100"),
                fails("!(pm25 > 75 && pm10 > 100)"),
                holds("!(pm25 > 90 && pm10 > 100)"),
                holds("!(pm10 > 100 && pm25 > 90)"),
                // ternary: an unknown condition is unknown; an unknown branch not taken does not matter
                fails("smokeAlarm ? true : true"),
                fails("!(smokeAlarm ? true : false)"),
                fails("(pm25 > 75 ? pm10 : 0) > 1"),
                holds("(pm25 > 75 ? 1 : pm10) > 0"),
                holds("(pm25 > 75 ? 'a' : lineCode) == 'a'"),
                // in
                fails("lineCode in ['301']"),
                fails("!(lineCode in ['301'])"),
                fails("'metro' in tags"),
                fails("!('metro' in tags)"),
                fails("pm25 in [pm10, 80]"),
                fails("!(pm25 in [pm10, 80])"),
                fails("'301' in [lineCode, '301']"),
                // functions of a missing value
                fails("name.startsWith('D')"),
                fails("!name.startsWith('D')"),
                fails("!name.matches('x')"),
                fails("!('x'.contains(name))"),
                fails("size(name) >= 0"),
                fails("size(tags) >= 0"),
                fails("min(pm25, pm10) > 0"),
                fails("abs(temp) >= 0"),
                fails("int(pm10) == 0 || int(pm10) != 0"),
                fails("!(name + 'x' == 'x')"),
                fails("-pm10 < 0 || -pm10 >= 0"));
    }

    private static Arguments holds(String source) {
        return Arguments.of(source, true);
    }

    private static Arguments fails(String source) {
        return Arguments.of(source, false);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("conditions")
    void missingValuesAreUnknownAndUnknownDoesNotHold(String source, boolean expected) {
        Condition[] both = COMPILER.compileBothWays(source, VOCABULARY);
        assertThat(both[0]).as("native").isNotNull();
        assertThat(both[0].test(Fixtures.sparse())).isEqualTo(expected);
        assertThat(both[1].test(Fixtures.sparse())).as("cel-java runtime").isEqualTo(expected);
    }

    @Test
    void anErrorMeetingAnUnknownIsUnknownAsInCel() {
        // int() out of range is an error; || with an unknown right side stays unknown rather than failing
        String source = "int(pm25 * 1e300) > 0 || pm10 > 1";
        assertThat(COMPILER.compile(source, VOCABULARY).test(Fixtures.sparse())).isFalse();
        assertThat(Fixtures.onRuntime(source).test(Fixtures.sparse())).isFalse();
    }

    @Test
    void clearedFactsMakeEverythingUnknownAgain() {
        Condition c = COMPILER.compile("!open && pm25 > 75", VOCABULARY);
        Facts f = Fixtures.station();
        assertThat(c.test(f)).isTrue();
        f.clear();
        assertThat(c.test(f)).isFalse();
        f.number(Fixtures.slot("pm25"), 80);
        assertThat(c.test(f)).as("open still missing").isFalse();
    }
}
