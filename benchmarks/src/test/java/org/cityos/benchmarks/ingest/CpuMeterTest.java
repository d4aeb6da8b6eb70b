package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuMeterTest {
    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 30 0 99 0";

        assertThat(CpuMeter.ticks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void thisProcessHasUsedSomeCpuAndAMissingOneNone() {
        assertThat(CpuMeter.seconds(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuMeter.seconds(Long.MAX_VALUE)).isZero();
    }
}
