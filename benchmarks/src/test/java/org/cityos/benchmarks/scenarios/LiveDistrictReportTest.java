package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDistrictReportTest {

    @Test
    void theTrendIsTheLeastSquaresSlopePerHour() {
        List<Double> minutes = List.of(0.0, 5.0, 10.0, 15.0);
        assertThat(LiveDistrictReport.slopePerHour(minutes, List.of(100.0, 105.0, 110.0, 115.0)))
                .isCloseTo(60.0, within(1e-9));
        assertThat(LiveDistrictReport.slopePerHour(minutes, List.of(100.0, 120.0, 100.0, 120.0)))
                .as("saw-tooth noise trends less than its swing")
                .isCloseTo(48.0, within(1e-9));
        assertThat(LiveDistrictReport.slopePerHour(List.of(0.0), List.of(100.0)))
                .isZero();
    }

    @Test
    void theMedianIgnoresOneSampleThatCaughtWorkInFlight() {
        assertThat(LiveDistrictReport.median(List.of(728.0, 1170.0, 750.0))).isEqualTo(750.0);
        assertThat(LiveDistrictReport.median(List.of(700.0, 800.0))).isEqualTo(750.0);
    }
}
