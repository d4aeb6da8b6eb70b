package org.cityos.kernel.event;

/**
 * The port through which contexts publish and react. {@link #publish} joins the caller's
 * transaction: an event of a rolled-back change is never delivered; one of a committed change is
 * delivered at least once, after commit, to every subscribed consumer.
 */
public interface EventBus {
    void publish(DomainEvent event);

    /** Subscribes a named, durable consumer; the name must stay stable across releases. */
    <E extends DomainEvent> void subscribe(String consumerName, Class<E> eventClass, EventConsumer<E> consumer);
}
