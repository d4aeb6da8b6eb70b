package org.cityos.kernel.event;

/**
 * Reacts to one event type. Delivery is at least once: the same event may arrive again after a
 * crash or a failed attempt, so a consumer must be idempotent (use {@link EventMetadata#eventId()}).
 * Throwing asks for a retry with back-off; after the last attempt the delivery is parked.
 */
@FunctionalInterface
public interface EventConsumer<E extends DomainEvent> {
    void accept(E event, EventMetadata metadata) throws Exception;
}
