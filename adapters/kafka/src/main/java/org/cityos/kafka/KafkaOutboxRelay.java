package org.cityos.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.cityos.kernel.event.EventMetadata;
import org.cityos.outbox.OutboxEventBus;
import org.cityos.outbox.StoredEventConsumer;

/**
 * Relays every domain event the outbox delivers to one topic, {@code <prefix>events}, keyed by
 * {@link org.cityos.kernel.event.DomainEvent#key()}: one topic keeps an aggregate's events of all
 * types in one partition, in order. The value is the event's stored JSON; the type and the event id
 * travel as headers. A delivery counts only once Kafka acknowledged it, and a failure is retried
 * and parked by the outbox like any consumer's, so relaying is at least once: consumers drop
 * records whose {@link #EVENT_ID} they have seen.
 */
public final class KafkaOutboxRelay implements StoredEventConsumer {
    /** The outbox consumer name; stable, because the outbox keys deliveries by it. */
    public static final String CONSUMER_NAME = "kafka.events-relay";

    public static final String EVENT_ID = "cityos-event-id";
    public static final String EVENT_TYPE = "cityos-event-type";
    public static final String OCCURRED_AT = "cityos-occurred-at";
    public static final String CONTENT_TYPE = "content-type";

    private final KafkaRecordLog log;
    private final KafkaSettings settings;
    private final String topic;
    private final long waitMillis;
    private volatile boolean topicEnsured;

    public KafkaOutboxRelay(KafkaRecordLog log, KafkaSettings settings) {
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topic = settings.eventsTopic();
        // The append future ends by itself within these; the margin only guards against a lost callback.
        this.waitMillis = settings.deliveryTimeout().plus(settings.maxBlock()).toMillis() + 5_000;
    }

    /** Subscribes this relay to every event type of the bus; every node must do the same, or none. */
    public KafkaOutboxRelay subscribeTo(OutboxEventBus bus) {
        bus.subscribeToAll(CONSUMER_NAME, this);
        return this;
    }

    public String topic() {
        return topic;
    }

    @Override
    public void accept(String payloadJson, EventMetadata metadata) throws Exception {
        if (!topicEnsured) {
            // Lazily: a node must start while Kafka is down; the outbox retries until it is back.
            log.ensureTopic(topic, settings.partitions());
            topicEnsured = true;
        }
        Map<String, String> headers = Map.of(
                EVENT_ID, metadata.eventId().toString(),
                EVENT_TYPE, metadata.type(),
                OCCURRED_AT, metadata.occurredAt().toString(),
                CONTENT_TYPE, "application/json");
        try {
            log.append(topic, metadata.key(), payloadJson.getBytes(StandardCharsets.UTF_8), headers)
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // RecordNotAppended says which record and why; the outbox stores it as the last error.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
