package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void figuresKeepThreeSignificantDigitsAndGroupThousands() {
        assertThat(Numbers.figure(12_345.6)).isEqualTo("12,346");
        assertThat(Numbers.figure(1_234_567)).isEqualTo("1,234,567");
        assertThat(Numbers.figure(123.45)).isEqualTo("123");
        assertThat(Numbers.figure(12.345)).isEqualTo("12.3");
        assertThat(Numbers.figure(1.5)).isEqualTo("1.5");
        assertThat(Numbers.figure(0.012345)).isEqualTo("0.0123");
        assertThat(Numbers.figure(100)).isEqualTo("100");
        assertThat(Numbers.figure(0)).isEqualTo("0");
    }

    @Test
    void missingFiguresAreADash() {
        assertThat(Numbers.figure(Double.NaN)).isEqualTo("—");
        assertThat(Numbers.figure(Double.POSITIVE_INFINITY)).isEqualTo("—");
        assertThat(Numbers.ratio(Double.NaN)).isEqualTo("—");
    }

    @Test
    void ratiosCarryATimesSign() {
        assertThat(Numbers.ratio(2.345)).isEqualTo("2.35×");
        assertThat(Numbers.ratio(0.8)).isEqualTo("0.8×");
    }

    @Test
    void microsecondsAreShownAsMilliseconds() {
        assertThat(Numbers.millis(850)).isEqualTo("0.85 ms");
        assertThat(Numbers.millis(12_345)).isEqualTo("12.3 ms");
        assertThat(Numbers.millis(2_500_000)).isEqualTo("2,500 ms");
    }

    @Test
    void percentilesComeFromTheHistogram() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L); // 1 ms .. 100 ms
        }
        assertThat(Numbers.percentiles(h)).isEqualTo("p50 50 ms, p99 99 ms");
    }

    @Test
    void p95IsGivenWhereATargetIsSetOnIt() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L);
        }
        assertThat(Numbers.percentiles95(h)).isEqualTo("p50 50 ms, p95 95 ms, p99 99 ms");
        assertThat(Numbers.percentiles95(new Histogram(3))).isEqualTo("no samples");
    }

    @Test
    void anEmptyHistogramSaysSo() {
        assertThat(Numbers.percentiles(new Histogram(3))).isEqualTo("no samples");
    }
}
