package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.LoadRun;
import org.junit.jupiter.api.Test;

class AlarmLatencyReportTest {

    @Test
    void rowsCompareTheLoadedP99WithTheUnloadedOneAndNameNoMeasuredFigure() {
        AlarmProbe.Crossings quiet = crossings(40_000, 600_000, 300_000);
        AlarmProbe.Crossings busy = crossings(200_000, 900_000, 1_500_000);

        List<Row> rows = report(quiet, busy).rows();

        assertThat(rows)
                .extracting(Row::scenario)
                .containsExactly(
                        AlarmLatencyReport.POLLED,
                        AlarmLatencyReport.STREAMED,
                        AlarmLatencyReport.CASE_DISPATCHED,
                        AlarmLatencyReport.POLLED_MODERATE);
        assertThat(rows.get(0).scenario()).doesNotContainPattern("\\d{3}");
        Row polled = rows.get(0);
        assertThat(polled.figure()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
        assertThat(polled.baselineFigure()).isCloseTo(40, org.assertj.core.data.Offset.offset(1.0));
        assertThat(polled.ratio()).isCloseTo(5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(polled.notes()).contains("target p99 ≤ 500 ms: met under load, met without");
        assertThat(polled.notes())
                .contains("14,000 msg/s offered")
                .contains("sustained through the window")
                .contains("CityOS ingested 13,500 msg/s");
        Row streamed = rows.get(1);
        assertThat(streamed.figure()).isCloseTo(900, org.assertj.core.data.Offset.offset(5.0));
        assertThat(streamed.notes()).contains("target p99 ≤ 500 ms: MISSED under load, MISSED without");
        assertThat(streamed.notes()).contains("woken by that commit");
        Row dispatched = rows.get(2);
        assertThat(dispatched.figure()).isCloseTo(1_500, org.assertj.core.data.Offset.offset(10.0));
        assertThat(dispatched.baselineFigure()).isCloseTo(300, org.assertj.core.data.Offset.offset(2.0));
        assertThat(dispatched.notes()).contains("target p99 ≤ 1,000 ms: MISSED under load");
        Row moderate = rows.get(3);
        assertThat(moderate.figure()).isCloseTo(200, org.assertj.core.data.Offset.offset(1.0));
        assertThat(moderate.notes()).contains("background offered 9,800 msg/s");
    }

    @Test
    void crossingsThatShowedNothingAreAMissNotAFastFigure() {
        Histogram empty = new Histogram(3);

        assertThat(AlarmLatencyReport.verdict(empty)).isEqualTo("MISSED");
        assertThat(AlarmLatencyReport.spread(empty)).isEqualTo("no samples");
        assertThat(AlarmLatencyReport.figures(empty, empty, 3, 0)).contains("3 not seen within 30 s");
    }

    private static AlarmLatencyReport report(AlarmProbe.Crossings quiet, AlarmProbe.Crossings busy) {
        Histogram acks = new Histogram(3);
        acks.recordValue(300_000);
        LoadRun load = new LoadRun(14_000, 60, 840_000, 840_000, 0, acks, null);
        AlarmLatencyScenario.Window window =
                new AlarmLatencyScenario.Window(busy, load, 13_500, 0.8, 0.5, 0.6, 47, 6.2, 400, "6.1 on 2 cores");
        return new AlarmLatencyReport(
                101,
                new BackgroundRate.Rate(14_000, "issue 5's rate"),
                quiet,
                window,
                window,
                0,
                "CityOS ready in 17 s");
    }

    /**
     * 100 crossings listed after {@code polledMicros}, streamed after {@code streamedMicros}, and their cases
     * dispatched after {@code dispatchedMicros}.
     */
    private static AlarmProbe.Crossings crossings(long polledMicros, long streamedMicros, long dispatchedMicros) {
        Histogram polled = new Histogram(3);
        Histogram streamed = new Histogram(3);
        Histogram dispatched = new Histogram(3);
        Histogram other = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            polled.recordValue(polledMicros);
            streamed.recordValue(streamedMicros);
            dispatched.recordValue(dispatchedMicros);
            other.recordValue(10_000);
        }
        return new AlarmProbe.Crossings(
                polled, streamed, other, other, other, other, dispatched, 100, 0, 0, 0, 0, 120, null);
    }
}
