package org.cityos.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One piece of work run every {@code interval} on a daemon thread of its own while the application runs — the
 * audit chainer, the ledger chainer, the hot-spot detector, quality and notification schedules. A run that throws
 * (the database away for a moment) is logged and the next run tries again: one failure never ends the schedule.
 * Optionally it runs once more when stopped, so work handed in during shutdown is not left for the next start.
 * Declared as a bean, it starts and stops with the application context.
 */
public final class PeriodicJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private final boolean autoStartup;
    private final boolean runOnStop;
    private final int phase;
    private final Runnable first;
    private final boolean immediately;
    private ScheduledExecutorService scheduler;

    private PeriodicJob(
            String name,
            Duration interval,
            Runnable work,
            boolean autoStartup,
            boolean runOnStop,
            int phase,
            Runnable first,
            boolean immediately) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.autoStartup = autoStartup;
        this.runOnStop = runOnStop;
        this.phase = phase;
        this.first = first;
        this.immediately = immediately;
    }

    /** {@code work} every {@code interval} (first after one interval), on a thread called {@code name}. */
    public static PeriodicJob every(String name, Duration interval, Runnable work) {
        return new PeriodicJob(name, interval, work, true, false, DEFAULT_PHASE, null, false);
    }

    /** The same job, started with the application only when {@code enabled} (tests run the work by hand). */
    public PeriodicJob startingIf(boolean enabled) {
        return new PeriodicJob(name, interval, work, enabled, runOnStop, phase, first, immediately);
    }

    /** The same job, run once more as it stops: what arrived during shutdown is still done. */
    public PeriodicJob runningOnceMoreOnStop() {
        return new PeriodicJob(name, interval, work, autoStartup, true, phase, first, immediately);
    }

    /** The same job in another lifecycle phase (lower starts earlier and stops later). */
    public PeriodicJob inPhase(int phase) {
        return new PeriodicJob(name, interval, work, autoStartup, runOnStop, phase, first, immediately);
    }

    /** The same job, its first scheduled run right after start (on its own thread) rather than after one interval. */
    public PeriodicJob runningFirstAtStart() {
        return new PeriodicJob(name, interval, work, autoStartup, runOnStop, phase, first, true);
    }

    /**
     * The same job, running {@code first} on the starting thread before the schedule begins: what the application
     * needs loaded before it serves (a calendar, a model). Unlike the scheduled work, its failure fails the start.
     */
    public PeriodicJob startingWith(Runnable first) {
        return new PeriodicJob(name, interval, work, autoStartup, runOnStop, phase, first, immediately);
    }

    /** One run now, on the caller's thread, failures logged as on the schedule. */
    public void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        if (first != null) {
            first.run();
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, immediately ? 0 : millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        if (runOnStop) {
            runOnce();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public int getPhase() {
        return phase;
    }

    @Override
    public String toString() {
        return "PeriodicJob[" + name + " every " + interval + "]";
    }
}
