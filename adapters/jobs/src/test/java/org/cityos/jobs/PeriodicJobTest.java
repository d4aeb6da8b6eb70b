package org.cityos.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {
    @Test
    void aFailingRunDoesNotEndTheSchedule() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        PeriodicJob job = PeriodicJob.every("test-job", Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            third.countDown();
            throw new IllegalStateException("database away");
        });
        job.start();
        try {
            assertThat(third.await(10, TimeUnit.SECONDS))
                    .as("runs after failures")
                    .isTrue();
            assertThat(job.isRunning()).isTrue();
        } finally {
            job.stop();
        }
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void itRunsOnceMoreOnStopOnlyWhenAskedTo() {
        AtomicInteger plain = new AtomicInteger();
        AtomicInteger draining = new AtomicInteger();
        PeriodicJob a = PeriodicJob.every("plain", Duration.ofHours(1), plain::incrementAndGet);
        PeriodicJob b = PeriodicJob.every("draining", Duration.ofHours(1), draining::incrementAndGet)
                .runningOnceMoreOnStop();
        a.start();
        b.start();
        a.stop();
        b.stop();
        assertThat(plain).hasValue(0);
        assertThat(draining).hasValue(1);
    }

    @Test
    void switchedOffItDoesNotStartWithTheApplicationAndKeepsItsPhase() {
        PeriodicJob job = PeriodicJob.every("off", Duration.ofMinutes(1), () -> {})
                .startingIf(false)
                .inPhase(-4096);
        assertThat(job.isAutoStartup()).isFalse();
        assertThat(job.getPhase()).isEqualTo(-4096);
        assertThatThrownBy(() -> PeriodicJob.every("zero", Duration.ZERO, () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstWorkRunsOnTheStartingThreadAndItsFailureFailsTheStart() {
        AtomicInteger loaded = new AtomicInteger();
        AtomicInteger scheduled = new AtomicInteger();
        PeriodicJob job = PeriodicJob.every("loading", Duration.ofHours(1), scheduled::incrementAndGet)
                .startingWith(loaded::incrementAndGet);
        job.start();
        try {
            assertThat(loaded).as("loaded before start returns").hasValue(1);
            assertThat(scheduled)
                    .as("the schedule's first run comes after one interval")
                    .hasValue(0);
        } finally {
            job.stop();
        }
        PeriodicJob broken = PeriodicJob.every("broken", Duration.ofHours(1), () -> {})
                .startingWith(() -> {
                    throw new IllegalStateException("calendar table missing");
                });
        assertThatThrownBy(broken::start).hasMessageContaining("calendar table missing");
        assertThat(broken.isRunning()).isFalse();
    }

    @Test
    void askedToItRunsFirstRightAfterStartOnItsOwnThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Thread starter = Thread.currentThread();
        AtomicInteger onStarter = new AtomicInteger();
        PeriodicJob job = PeriodicJob.every("eager", Duration.ofHours(1), () -> {
                    if (Thread.currentThread() == starter) {
                        onStarter.incrementAndGet();
                    }
                    ran.countDown();
                })
                .runningFirstAtStart();
        job.start();
        try {
            assertThat(ran.await(10, TimeUnit.SECONDS))
                    .as("ran without waiting an hour")
                    .isTrue();
            assertThat(onStarter).hasValue(0);
        } finally {
            job.stop();
        }
    }
}
