package org.cityos.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are relayed ({@code cityos.events.*}).
 *
 * @param pollInterval how often the relay looks for work nobody signalled (other nodes' commits,
 *     retries that became due, events left by a crash); commits on this node wake it at once
 * @param batchSize events fanned out per transaction
 * @param maxAttempts failed attempts after which a delivery is parked for an operator
 * @param backoffBase wait after the first failed attempt; doubles with each further failure
 * @param backoffMax the longest wait between attempts
 * @param retention how long delivered deliveries and fully delivered events are kept
 * @param lazyDelivery whether a delivery's transaction (the consumer's writes and the delivery's mark) commits
 *     without waiting for the disk flush; should an operating-system crash lose it, both are lost together and the
 *     event, still stored, is delivered again (ADR 0022)
 */
@ConfigurationProperties("cityos.events")
public record EventProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("false") boolean lazyDelivery) {

    public EventProperties {
        // Bound from configuration every value is set; constructed by hand, null means default.
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        backoffBase = backoffBase == null ? Duration.ofSeconds(1) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofMinutes(5) : backoffMax;
        retention = retention == null ? Duration.ofDays(7) : retention;
        requirePositive("cityos.events.poll-interval", pollInterval);
        requirePositive("cityos.events.backoff-base", backoffBase);
        requirePositive("cityos.events.retention", retention);
        if (pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("cityos.events.poll-interval must be at least 1ms");
        }
        if (backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("cityos.events.backoff-max must not be below backoff-base");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("cityos.events.batch-size must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("cityos.events.max-attempts must be at least 1");
        }
    }

    public static EventProperties defaults() {
        return new EventProperties(null, 500, 8, null, null, null, false);
    }

    public EventProperties withPollInterval(Duration value) {
        return new EventProperties(value, batchSize, maxAttempts, backoffBase, backoffMax, retention, lazyDelivery);
    }

    public EventProperties withBatchSize(int value) {
        return new EventProperties(pollInterval, value, maxAttempts, backoffBase, backoffMax, retention, lazyDelivery);
    }

    public EventProperties withMaxAttempts(int value) {
        return new EventProperties(pollInterval, batchSize, value, backoffBase, backoffMax, retention, lazyDelivery);
    }

    public EventProperties withBackoff(Duration base, Duration max) {
        return new EventProperties(pollInterval, batchSize, maxAttempts, base, max, retention, lazyDelivery);
    }

    public EventProperties withLazyDelivery(boolean value) {
        return new EventProperties(pollInterval, batchSize, maxAttempts, backoffBase, backoffMax, retention, value);
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
