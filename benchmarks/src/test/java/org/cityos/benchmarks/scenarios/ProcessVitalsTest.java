package org.cityos.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessVitalsTest {

    @Test
    void theLiveHeapIsTheHistogramsTotalBytes() {
        String histogram = """
                7014:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:       6317782      210655288  [B (java.base@17.0.15)
                   2:       6307888      151389312  java.lang.String (java.base@17.0.15)
                Total      22677017      709716968
                """;
        assertThat(ProcessVitals.liveHeap(histogram)).isEqualTo(709_716_968L);
        assertThat(ProcessVitals.liveHeap("7014: no histogram")).isEqualTo(-1);
    }
}
