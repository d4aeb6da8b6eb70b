package org.cityos.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallLimitsTest {
    static final Instant NOON = Instant.parse("2026-11-26T04:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-11-26");

    @Test
    void theRateLimitRefusesWithinTheSecondAndAllowsTheNextOne() {
        CallLimits limits = new CallLimits();
        assertThat(limits.take("g", 2, 100, NOON, DAY, 3600, () -> 0L)).isNull();
        assertThat(limits.take("g", 2, 100, NOON.plusMillis(500), DAY, 3600, () -> 0L))
                .isNull();
        assertThat(limits.take("g", 2, 100, NOON.plusMillis(900), DAY, 3600, () -> 0L))
                .isEqualTo(new CallLimits.Refusal(false, 1));
        assertThat(limits.take("g", 2, 100, NOON.plusSeconds(1), DAY, 3600, () -> 0L))
                .isNull();
        assertThat(limits.take("other", 2, 100, NOON.plusMillis(900), DAY, 3600, () -> 0L))
                .as("limits are per grant")
                .isNull();
    }

    @Test
    void theQuotaStartsFromTheLogOncePerDayAndRefusesUntilMidnight() {
        CallLimits limits = new CallLimits();
        AtomicInteger reads = new AtomicInteger();
        assertThat(limits.take("g", 10, 3, NOON, DAY, 3600, () -> {
                    reads.incrementAndGet();
                    return 2L;
                }))
                .isNull();
        assertThat(limits.take("g", 10, 3, NOON.plusSeconds(1), DAY, 3599, () -> 99L))
                .isEqualTo(new CallLimits.Refusal(true, 3599));
        assertThat(reads).hasValue(1);
        assertThat(limits.take("g", 10, 3, NOON.plusSeconds(86_400), DAY.plusDays(1), 3600, () -> 0L))
                .isNull();
    }
}
