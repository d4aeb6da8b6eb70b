package org.cityos.alerting.internal.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the dispatcher every {@code dispatch-interval} and its tidying every minute, unless scheduling is off. */
public final class NotificationSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final NotificationDispatcher dispatcher;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    public NotificationSchedule(NotificationDispatcher dispatcher, Duration interval, boolean enabled) {
        this.dispatcher = dispatcher;
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
            Thread t = new Thread(r, "cityos-notify-dispatch");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(dispatcher, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        dispatcher.tidy();
                    } catch (RuntimeException e) {
                        log.warn("Notification tidying failed, will run again: {}", e.toString());
                    }
                },
                1,
                1,
                TimeUnit.MINUTES);
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
