package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileLimitsTest {
    @Test
    void tenThousandConnectionsFitUnderTwentyThousandDescriptors() {
        assertThatCode(() -> FileLimits.check(10_000, 300, 20_000)).doesNotThrowAnyException();
    }

    @Test
    void connectionsBeyondTheLimitFailBeforeAnyIsOpened() {
        assertThatThrownBy(() -> FileLimits.check(20_000, 300, 20_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ulimit -n");
        assertThatCode(() -> FileLimits.check(1_000_000, 300, Long.MAX_VALUE)).doesNotThrowAnyException();
    }
}
