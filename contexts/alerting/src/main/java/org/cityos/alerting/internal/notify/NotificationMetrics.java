package org.cityos.alerting.internal.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.cityos.alerting.ChannelKind;

/**
 * {@code cityos.alerting.notify.attempts} (by channel kind and outcome: delivered, retry, failed) and
 * {@code cityos.alerting.notify.send} (time per attempt, by kind).
 */
public final class NotificationMetrics {
    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(ChannelKind kind, Outcome.Kind outcome, Duration took) {
        Counter.builder("cityos.alerting.notify.attempts")
                .description("Attempts to send a notification, by channel kind and outcome")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        Timer.builder("cityos.alerting.notify.send")
                .description("Time to send one notification, by channel kind")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(took);
    }

    public MeterRegistry registry() {
        return registry;
    }
}
