package org.cityos.outbox;

import org.cityos.kernel.event.EventMetadata;

/**
 * Receives every event type in its stored form, for relays that forward events without knowing
 * their classes (a Kafka relay cannot list every context's events, and must not depend on them).
 * The same rules as for {@link org.cityos.kernel.event.EventConsumer} hold: at least once, in a
 * transaction of its own, throwing asks for a retry with back-off.
 */
@FunctionalInterface
public interface StoredEventConsumer {
    /**
     * @param payloadJson the event as stored: the JSON the publishing context wrote
     * @param metadata event id, stored type name, key, occurrence time and attempt number
     */
    void accept(String payloadJson, EventMetadata metadata) throws Exception;
}
