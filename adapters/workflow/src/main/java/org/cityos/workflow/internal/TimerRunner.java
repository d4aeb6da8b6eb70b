package org.cityos.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The node's runner threads: each fires batches while they come back full, then waits for the next poll. The poll
 * is what finds timers scheduled on other nodes, retries that became due and timers left by a restart; a timer
 * scheduled on this node due before the next poll wakes a thread at its due time instead ({@link #dueAt}).
 */
public final class TimerRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TimerRunner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final TimerFiring firing;
    private final Clock clock;
    private final Duration poll;
    private final int threads;
    private final boolean scheduled;
    private final Object lock = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong passes = new AtomicLong();
    private volatile boolean running;
    // The earliest due time this node scheduled that no thread has woken for yet; guarded by lock.
    private Instant earliestHint;

    public TimerRunner(TimerFiring firing, Clock clock, Duration poll, int threads, boolean scheduled) {
        this.firing = firing;
        this.clock = clock;
        this.poll = poll;
        this.threads = threads;
        this.scheduled = scheduled;
    }

    /** A timer due at {@code dueAt} was committed on this node; a waiting thread wakes for it if it is early. */
    public void dueAt(Instant dueAt) {
        if (!running) {
            return;
        }
        synchronized (lock) {
            if (earliestHint == null || dueAt.isBefore(earliestHint)) {
                earliestHint = dueAt;
                lock.notifyAll();
            }
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running || !scheduled) {
                return;
            }
            running = true;
            for (int i = 0; i < threads; i++) {
                Thread thread = new Thread(this::loop, "cityos-workflow-timers-" + i);
                // Daemon: a thread stuck in a handler must not keep the JVM alive after shutdown.
                thread.setDaemon(true);
                workers.add(thread);
                thread.start();
            }
        }
        log.info("Workflow timers: {} runner threads, polling every {}", threads, poll);
    }

    @Override
    public void stop() {
        List<Thread> stopping;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            stopping = List.copyOf(workers);
            workers.clear();
            lock.notifyAll();
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread thread : stopping) {
            try {
                // The batch in progress finishes (and commits) rather than being cut off.
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("Timer runner {} did not stop within {}; interrupting it", thread.getName(), STOP_WAIT);
                thread.interrupt();
            }
        }
    }

    /** Batches attempted by this node's threads since start, failed ones included. */
    public long passes() {
        return passes.get();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = firing.fireBatch().full(firing.batchSize());
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw e;
                }
                // The thread must outlive a database outage; the next poll retries.
                log.warn("Timer pass failed; retrying in {}", poll, e);
            }
            passes.incrementAndGet();
            if (!more) {
                try {
                    awaitNextPass();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void awaitNextPass() throws InterruptedException {
        synchronized (lock) {
            long pollEnd = System.nanoTime() + poll.toNanos();
            while (running) {
                long remaining = pollEnd - System.nanoTime();
                if (earliestHint != null) {
                    long untilHint =
                            Duration.between(clock.instant(), earliestHint).toNanos();
                    if (untilHint <= 0) {
                        earliestHint = null;
                        return;
                    }
                    remaining = Math.min(remaining, untilHint);
                }
                if (remaining <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
        }
    }
}
