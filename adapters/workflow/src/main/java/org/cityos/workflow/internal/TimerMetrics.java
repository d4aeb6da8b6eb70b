package org.cityos.workflow.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Firing counts and lag by kind, parkings, and the backlog of due timers, under {@code cityos.workflow.timers.*}. */
public final class TimerMetrics {
    private static final Logger log = LoggerFactory.getLogger(TimerMetrics.class);

    private final MeterRegistry registry;

    public TimerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the backlog gauge over {@code store}. */
    public void bindBacklog(TimerStore store, Clock clock) {
        Gauge.builder("cityos.workflow.timers.pending", store, s -> overdue(s, clock))
                .description("Timers due and not yet fired (parked ones excluded)")
                .strongReference(true)
                .register(registry);
    }

    void fired(String kind, Duration lag) {
        Counter.builder("cityos.workflow.timers.fired")
                .description("Timers fired, their handler's writes committed")
                .tag("kind", kind)
                .register(registry)
                .increment();
        Timer.builder("cityos.workflow.timers.lag")
                .description("How long after its due time a timer fired")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void parked(String kind) {
        Counter.builder("cityos.workflow.timers.parked")
                .description("Timers parked after their last attempt or for want of a handler")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    // A scrape during a database outage must not fail the whole metrics endpoint; NaN says "unknown".
    private static double overdue(TimerStore store, Clock clock) {
        try {
            return store.overdue(clock.instant());
        } catch (RuntimeException e) {
            log.debug("Could not read gauge cityos.workflow.timers.pending", e);
            return Double.NaN;
        }
    }
}
