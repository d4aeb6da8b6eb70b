package org.cityos.simulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AirQualityHistoryTest {
    private static final AirQualityHistory HISTORY = AirQualityHistory.load();

    @Test
    void aMomentNowReplaysTheSameHourOfAYearTheDataCovers() {
        // 2026-03-01 00:00 in Beijing is 2014-03-01 00:00 of the data: row 8761 of Tiantan.
        AirQualityHistory.Hour h = HISTORY.at(0, Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(h.pm25()).isEqualTo(95);
        assertThat(h.pm10()).isEqualTo(114);
        assertThat(h.no2()).isEqualTo(87);
        assertThat(h.co()).isEqualTo(1.8); // 1,800 µg/m³ becomes mg/m³
        assertThat(h.aqi()).isBetween(120, 130); // PM2.5 95 µg/m³ lies in the 75–115 band (AQI 100–150)
    }

    @Test
    void januaryAndFebruaryComeFromTheFollowingDataYearsAndEveryHourIsInRange() {
        assertThat(AirQualityHistory.index(Instant.parse("2027-01-15T04:00:00Z")))
                .isBetween(0, 35_063);
        assertThat(AirQualityHistory.index(Instant.parse("2028-02-29T04:00:00Z")))
                .isBetween(0, 35_063);
        assertThat(AirQualityHistory.index(Instant.parse("2013-03-01T00:00:00Z")))
                .isEqualTo(AirQualityHistory.index(Instant.parse("2017-03-01T00:00:00Z")));
    }

    @Test
    void missingHoursCarryTheLastValueForward() {
        // O3 is NA at 2014-03-01 00:00 in Tiantan; a number from an earlier hour stands in for it.
        assertThat(HISTORY.at(0, Instant.parse("2026-02-28T16:00:00Z")).o3()).isPositive();
    }
}
