package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundRateTest {
    private final List<Double> tried = new ArrayList<>();

    private BackgroundRate.Check sustainedUpTo(double limit) {
        return rate -> {
            tried.add(rate);
            return new BackgroundRate.Checked(rate <= limit, rate <= limit ? "ok" : "acked 80% p99 6.6 s");
        };
    }

    @Test
    void issueFivesRateIsKeptWhenItIsStillSustained() throws Exception {
        BackgroundRate.Rate rate = BackgroundRate.choose(13_951, sustainedUpTo(20_000));

        assertThat(rate.rate()).isEqualTo(13_951);
        assertThat(tried).containsExactly(13_951.0);
        assertThat(rate.chosen()).startsWith("issue 5's measured rate, sustained again");
    }

    @Test
    void otherwiseItStepsDownUntilSustainedThenBisectsOnceTowardsTheFailedStep() throws Exception {
        BackgroundRate.Rate rate = BackgroundRate.choose(10_000, sustainedUpTo(7_000));

        // 10,000 no, 8,000 no, 6,400 ok, then √(6,400 × 8,000) ≈ 7,155 no: 6,400 stays.
        assertThat(tried).hasSize(4);
        assertThat(tried.get(3)).isCloseTo(7_155, org.assertj.core.data.Offset.offset(1.0));
        assertThat(rate.rate()).isCloseTo(6_400, org.assertj.core.data.Offset.offset(0.01));
        assertThat(rate.chosen())
                .contains("not sustained here")
                .contains("10,000 acked 80% p99 6.6 s, 8,000 acked 80% p99 6.6 s, 6,400 ok, 7,155 acked");

        tried.clear();
        BackgroundRate.Rate closer = BackgroundRate.choose(10_000, sustainedUpTo(7_500));
        assertThat(closer.rate()).isCloseTo(7_155, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void whenNothingIsSustainedItSaysSoAndRunsAtTheLowestTried() throws Exception {
        BackgroundRate.Rate rate = BackgroundRate.choose(10_000, sustainedUpTo(0));

        assertThat(tried).hasSize(1 + BackgroundRate.MAX_STEPS_DOWN);
        assertThat(rate.rate()).isEqualTo(tried.get(tried.size() - 1));
        assertThat(rate.chosen()).startsWith("no rate sustained");
    }
}
