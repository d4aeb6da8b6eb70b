package org.cityos.alerting.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.internal.expr.Fixtures.COMPILER;
import static org.cityos.alerting.internal.expr.Fixtures.VOCABULARY;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The comparison a condition needs: found where it is certain, absent where it is not, and never wrong. */
class GuardTest {
    static Guard guardOf(String condition) {
        return COMPILER.compile(condition, VOCABULARY).guard();
    }

    @Test
    void aComparisonWithAConstantOrOneSideOfATopLevelAndIsTheGuard() {
        assertThat(guardOf("pm25 > 300.0")).isEqualTo(new Guard("pm25", 0, Guard.Order.GREATER, 300));
        assertThat(guardOf("pm25 >= 75")).isEqualTo(new Guard("pm25", 0, Guard.Order.GREATER_OR_EQUAL, 75));
        assertThat(guardOf("temp < -15.0").order()).isEqualTo(Guard.Order.LESS);
        assertThat(guardOf("temp <= 0.0").order()).isEqualTo(Guard.Order.LESS_OR_EQUAL);
        assertThat(guardOf("pm10 == 100.0").order()).isEqualTo(Guard.Order.EQUAL);
        assertThat(guardOf("pm10 - pm25 > 3.0 && temp < 0.0").variable())
                .as("the right side")
                .isEqualTo("temp");
        assertThat(guardOf("pm25 > 150.0 && (temp < 0.0 || pm10 > 10.0)").variable())
                .isEqualTo("pm25");
    }

    @Test
    void noGuardWhereNoSingleComparisonDecides() {
        assertThat(guardOf("pm25 > 300.0 || temp < -20.0")).isNull();
        assertThat(guardOf("!(pm25 < 300.0)")).isNull();
        assertThat(guardOf("pm25 + 1.0 > 300.0")).isNull();
        assertThat(guardOf("pm25 > pm10")).isNull();
        assertThat(guardOf("smokeAlarm")).isNull();
        assertThat(guardOf("lineCode == '301'")).isNull();
    }

    @Test
    void aMissingValueIsNeverAdmitted() {
        assertThat(new Guard("pm25", 0, Guard.Order.LESS, 10).admits(Double.NaN))
                .isFalse();
        assertThat(new Guard("pm25", 0, Guard.Order.GREATER, 10).admits(Double.NaN))
                .isFalse();
    }

    /** Wherever the guard turns a value away, the condition is false for it, whatever the other values are. */
    @Test
    void whereTheGuardTurnsAValueAwayTheConditionNeverHolds() {
        List<String> conditions = List.of(
                "pm25 > 100.0",
                "pm25 >= 100.0 && pm10 < 50.0",
                "temp < 0.0 && pm25 > 50.0 && pm10 > 20.0",
                "pm10 / pm25 > 2.0 && pm25 <= 40.0",
                "pm25 == 80.0 && (temp > 0.0 || pm10 > 100.0)",
                "int(pm10) % 2 == 0 && temp >= -5.0");
        SplittableRandom random = new SplittableRandom(7);
        int turnedAway = 0;
        for (String source : conditions) {
            Condition condition = COMPILER.compile(source, VOCABULARY);
            Guard guard = condition.guard();
            assertThat(guard).as(source).isNotNull();
            for (int i = 0; i < 5_000; i++) {
                Facts f = new Facts(VOCABULARY);
                for (String name : List.of("pm25", "pm10", "temp")) {
                    int pick = random.nextInt(10);
                    if (pick == 0) {
                        continue; // missing
                    }
                    f.number(VOCABULARY.slot(name), pick == 1 ? 80 : pick == 2 ? 0 : random.nextDouble(-50, 200));
                }
                double value = f.numbers[guard.slot()];
                if (!guard.admits(value)) {
                    turnedAway++;
                    assertThat(condition.test(f))
                            .as(source + " with " + guard.variable() + " = " + value)
                            .isFalse();
                }
            }
        }
        assertThat(turnedAway).as("the check saw many turned-away values").isGreaterThan(10_000);
    }
}
