package org.cityos.catalog.quality;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Asks quality every {@code tick} to run the resources that are due; what is due is decided by the clock. */
final class QualitySchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(QualitySchedule.class);

    private final Quality quality;
    private final Duration tick;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    QualitySchedule(Quality quality, Duration tick, boolean enabled) {
        this.quality = quality;
        this.tick = tick;
        this.enabled = enabled;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-catalog-quality");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        quality.runDue();
                    } catch (RuntimeException e) {
                        // The database may be away; the next tick catches up.
                        log.warn("Quality schedule failed, will try again: {}", e.toString());
                    }
                },
                tick.toMillis(),
                tick.toMillis(),
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
