package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenLoadTest {
    @Test
    void offersRateTimesDurationAndCountsEveryAcknowledgement() {
        LoadRun run = OpenLoad.run(
                10_000,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                (i, due) -> CompletableFuture.completedFuture(null));

        assertThat(run.offered()).isEqualTo(1_000);
        assertThat(run.acked()).isEqualTo(1_000);
        assertThat(run.failed()).isZero();
        assertThat(run.latencyMicros().getTotalCount()).isEqualTo(1_000);
        assertThat(run.sustained(0.99, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aStopSignalEndsSendingEarlyAndOnlyWhatWasSentCountsAsOffered() {
        AtomicLong sent = new AtomicLong();
        LoadRun run = OpenLoad.run(
                10_000, Duration.ofSeconds(60), Duration.ofSeconds(1), () -> sent.get() >= 500, (i, due) -> {
                    sent.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                });

        assertThat(run.offered()).isEqualTo(500);
        assertThat(run.acked()).isEqualTo(500);
        assertThat(run.ackedShare()).isEqualTo(1.0);
        // It lasted as long as it sent (~50 ms at this rate), not the minute it was planned for.
        assertThat(run.seconds()).isLessThan(30);
    }

    @Test
    void latencyCountsFromTheDueTimeSoAStalledServerShowsAsLatency() {
        int total = 200;
        double rate = 1_000;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        // The "server" answers nothing until the last message is sent, then everything at once.
        LoadRun run = OpenLoad.run(rate, Duration.ofMillis(200), Duration.ofSeconds(1), (i, due) -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            if (i == total - 1) {
                pending.forEach(p -> p.complete(null));
            }
            return f;
        });

        long spanMicros = (long) ((total - 1) / rate * 1e6);
        assertThat(run.acked()).isEqualTo(total);
        assertThat(run.latencyMicros().getMaxValue()).isGreaterThanOrEqualTo(spanMicros * 99 / 100);
    }

    @Test
    void failuresAndUnansweredMessagesAreNotAcknowledged() {
        LoadRun run = OpenLoad.run(10_000, Duration.ofMillis(10), Duration.ofMillis(20), (i, due) -> {
            if (i % 10 == 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("HTTP 503"));
            }
            return i % 10 == 1 ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        });

        assertThat(run.offered()).isEqualTo(100);
        assertThat(run.failed()).isEqualTo(10);
        assertThat(run.acked()).isEqualTo(80);
        assertThat(run.firstError()).isEqualTo("IllegalStateException: HTTP 503");
        assertThat(run.sustained(0.99, Duration.ofSeconds(1))).isFalse();
    }
}
