package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuiteArgumentsTest {

    @Test
    void spatialAsSecondArgumentSelectsTheSpatialBenchmarksOnly() {
        assertThat(Suite.spatialOnly(new String[] {"full", "spatial"})).isTrue();
        assertThat(Suite.spatialOnly(new String[] {"tiny"})).isFalse();
        assertThat(Suite.spatialOnly(new String[0])).isFalse();
    }

    @Test
    void anyOtherSelectionIsAUsageError() {
        assertThatThrownBy(() -> Suite.spatialOnly(new String[] {"full", "login"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suite.spatialOnly(new String[] {"full", "spatial", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
