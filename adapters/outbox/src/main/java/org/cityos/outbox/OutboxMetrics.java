package org.cityos.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backlog gauges, so a growing queue or a parked delivery shows on a dashboard and can alert. */
final class OutboxMetrics {
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private OutboxMetrics() {}

    static void bind(MeterRegistry registry, OutboxAdmin admin) {
        gauge(
                registry,
                "cityos.events.pending",
                "Event deliveries waiting for an attempt",
                admin,
                OutboxAdmin::pendingCount);
        gauge(
                registry,
                "cityos.events.parked",
                "Event deliveries parked after their last attempt",
                admin,
                OutboxAdmin::parkedCount);
    }

    private static void gauge(
            MeterRegistry registry,
            String name,
            String description,
            OutboxAdmin admin,
            ToLongFunction<OutboxAdmin> count) {
        Gauge.builder(name, admin, a -> read(name, a, count))
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    // A scrape during a database outage must not fail the whole metrics endpoint; NaN says "unknown".
    private static double read(String name, OutboxAdmin admin, ToLongFunction<OutboxAdmin> count) {
        try {
            return count.applyAsLong(admin);
        } catch (RuntimeException e) {
            log.debug("Could not read gauge {}", name, e);
            return Double.NaN;
        }
    }
}
