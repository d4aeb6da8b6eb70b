package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitTest {
    @ParameterizedTest
    @ValueSource(strings = {"30m", "2h", "24h", "4wh", "3d", "7wd", "15wd"})
    void writtenLimitsReadAndPrintTheSame(String text) {
        assertThat(TimeLimit.parse(text))
                .hasValueSatisfying(l -> assertThat(l.toString()).isEqualTo(text));
    }

    @Test
    void unitsAndAmountsAreRead() {
        assertThat(TimeLimit.parse("15wd")).contains(TimeLimit.of(15, LimitUnit.WORKING_DAYS));
        assertThat(TimeLimit.parse("4wh")).contains(TimeLimit.of(4, LimitUnit.WORKING_HOURS));
        assertThat(TimeLimit.parse(" 2 H ")).contains(TimeLimit.of(2, LimitUnit.HOURS));
        assertThat(TimeLimit.parse("3d")).contains(TimeLimit.of(3, LimitUnit.DAYS));
        assertThat(TimeLimit.parse("30m")).contains(TimeLimit.of(30, LimitUnit.MINUTES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "2", "2x", "-2h", "2.5h", "0h", "0wd", "251wd", "367d", "2 hours", "wd15"})
    void nonsenseAndInsaneAmountsAreRefused(String text) {
        assertThat(TimeLimit.parse(text)).isEmpty();
    }

    @Test
    void anOutOfRangeAmountStillNamesItsUnitSoTheErrorCanGiveTheRange() {
        assertThat(TimeLimit.writtenUnit("300wd")).contains(LimitUnit.WORKING_DAYS);
        assertThat(TimeLimit.writtenUnit("2x")).isEmpty();
        assertThatThrownBy(() -> TimeLimit.of(0, LimitUnit.HOURS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warnBeforeIsAFractionStrictlyInsideZeroToOneOrALimit() {
        assertThat(WarnBefore.parse("0.2")).contains(new WarnBefore(new BigDecimal("0.2"), null));
        assertThat(WarnBefore.parse("4wh")).contains(new WarnBefore(null, TimeLimit.of(4, LimitUnit.WORKING_HOURS)));
        assertThat(WarnBefore.parse("0.25").orElseThrow().toString()).isEqualTo("0.25");
        assertThat(WarnBefore.parse("0")).isEmpty();
        assertThat(WarnBefore.parse("0.0")).isEmpty();
        assertThat(WarnBefore.parse("1")).isEmpty();
        assertThat(WarnBefore.parse("1.5")).isEmpty();
        assertThat(WarnBefore.parse("-0.2")).isEmpty();
        assertThat(WarnBefore.parse("0.x")).isEmpty();
        assertThat(WarnBefore.parse("soon")).isEmpty();
    }

    @Test
    void aPolicyCoversItsPrefixAndTheDefaultCoversEverything() {
        DeadlinePolicy byPrefix = new DeadlinePolicy(
                "A01",
                Urgency.ROUTINE,
                TimeLimit.of(2, LimitUnit.HOURS),
                TimeLimit.of(5, LimitUnit.WORKING_DAYS),
                null,
                0);
        DeadlinePolicy fallback = new DeadlinePolicy(
                "",
                Urgency.ROUTINE,
                TimeLimit.of(2, LimitUnit.HOURS),
                TimeLimit.of(15, LimitUnit.WORKING_DAYS),
                null,
                0);
        assertThat(byPrefix.covers("A0105")).isTrue();
        assertThat(byPrefix.covers("A02")).isFalse();
        assertThat(byPrefix.covers(null)).isFalse();
        assertThat(fallback.covers(null)).isTrue();
        assertThat(fallback.warnBefore()).isEqualTo(WarnBefore.DEFAULT);
    }
}
