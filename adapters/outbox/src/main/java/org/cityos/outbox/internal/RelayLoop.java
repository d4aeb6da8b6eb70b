package org.cityos.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's relay thread: fans out and delivers whenever a commit signals new events, and every
 * poll interval regardless, because signals are in-memory and events committed on other nodes,
 * before a restart, or due after a back-off have nobody to signal them.
 */
public final class RelayLoop {
    private static final Logger log = LoggerFactory.getLogger(RelayLoop.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final FanOut fanOut;
    private final DeliveryWorker worker;
    private final Retention retention;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration keepFor;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.MIN;

    public RelayLoop(
            FanOut fanOut,
            DeliveryWorker worker,
            Retention retention,
            Clock clock,
            Duration pollInterval,
            Duration keepFor) {
        this.fanOut = fanOut;
        this.worker = worker;
        this.retention = retention;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.keepFor = keepFor;
    }

    /** Asks for a pass now; wakes collapse into one, so this is cheap to call on every commit. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Fans out everything unfanned, then delivers until nothing is due; returns deliveries attempted. */
    public int runOnce() {
        return pass(() -> true);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "cityos-outbox-relay");
        // Daemon: a relay stuck in a consumer must not keep the JVM alive after shutdown.
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        Thread stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = thread;
            thread = null;
        }
        signal.release();
        try {
            // The delivery in progress finishes (and commits) rather than being cut off.
            stopping.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.warn("Outbox relay did not stop within {}; interrupting it", STOP_WAIT);
            stopping.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private int pass(BooleanSupplier keepGoing) {
        fanOut.fanOutAll();
        int attempted = 0;
        while (keepGoing.getAsBoolean() && worker.deliverNext()) {
            attempted++;
        }
        return attempted;
    }

    private void loop() {
        log.info("Outbox relay started, polling every {}", pollInterval);
        while (running) {
            try {
                pass(() -> running);
                purgeWhenDue();
            } catch (Throwable e) {
                // The thread must outlive a database outage; the next pass retries.
                log.warn("Outbox relay pass failed; retrying in {}", pollInterval, e);
            }
            try {
                signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.info("Outbox relay stopped");
    }

    // Without this the tables only grow; every node purging hourly is harmless (idempotent deletes).
    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        Retention.Purged purged = retention.purge(now.minus(keepFor));
        if (purged.deliveries() + purged.events() > 0) {
            log.info("Outbox purge removed {} deliveries and {} events", purged.deliveries(), purged.events());
        }
    }
}
