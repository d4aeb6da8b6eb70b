package org.cityos.casework.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the hot spot detector every {@code interval} (10 minutes by default) unless scheduling is off. */
public final class HotSpotSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HotSpotSchedule.class);

    private final HotSpotDetector detector;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    public HotSpotSchedule(HotSpotDetector detector, Duration interval, boolean enabled) {
        this.detector = detector;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-casework-hotspots");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        detector.detect();
                    } catch (RuntimeException e) {
                        // A failed run (database away) must not end the schedule; the next run catches up.
                        log.warn("Hot spot detection failed, will run again: {}", e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
