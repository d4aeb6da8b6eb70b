package org.cityos.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void stopsAtTheOperationBudget() {
        AtomicInteger calls = new AtomicInteger();

        LoadResult r = ClosedLoop.run(3, Duration.ofSeconds(30), 50, (t, seq) -> calls.incrementAndGet());

        assertThat(calls).hasValue(50);
        assertThat(r.ok()).isEqualTo(50);
        assertThat(r.latencyMicros().getTotalCount()).isEqualTo(50);
        assertThat(r.seconds()).isLessThan(30);
    }

    @Test
    void stopsAtTheDeadline() {
        // no budget and an instant operation: only the deadline can end the loop
        LoadResult r = ClosedLoop.run(2, Duration.ofMillis(200), Long.MAX_VALUE, (t, seq) -> {});

        assertThat(r.seconds()).isBetween(0.2, 5.0);
        assertThat(r.ok()).isPositive();
    }

    @Test
    void failuresAreCountedNotTimed() {
        LoadResult r = ClosedLoop.run(1, Duration.ofSeconds(30), 10, (t, seq) -> {
            if (seq % 2 == 0) {
                throw new IllegalStateException("HTTP 500");
            }
        });

        assertThat(r.ok()).isEqualTo(5);
        assertThat(r.errors()).isEqualTo(5);
        assertThat(r.firstError()).isEqualTo("IllegalStateException: HTTP 500");
        assertThat(r.errorNote()).isEqualTo("; errors: 5 (IllegalStateException: HTTP 500)");
    }

    @Test
    void slicesAddUp() {
        LoadResult a = ClosedLoop.run(1, Duration.ofSeconds(30), 4, (t, seq) -> {});
        LoadResult b = ClosedLoop.run(1, Duration.ofSeconds(30), 6, (t, seq) -> {});

        LoadResult both = LoadResult.empty().plus(a).plus(b);

        assertThat(both.ok()).isEqualTo(10);
        assertThat(both.latencyMicros().getTotalCount()).isEqualTo(10);
        assertThat(both.seconds()).isEqualTo(a.seconds() + b.seconds());
    }
}
