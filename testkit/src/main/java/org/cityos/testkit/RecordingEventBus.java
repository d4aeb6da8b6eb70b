package org.cityos.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;

/**
 * An event bus that remembers what was published instead of delivering it, for tests that assert on the events a
 * service emits; subscriptions are accepted and never called.
 */
public final class RecordingEventBus implements EventBus {
    // Services may publish from their own threads while the test reads.
    private final List<DomainEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(DomainEvent event) {
        published.add(event);
    }

    @Override
    public <E extends DomainEvent> void subscribe(String consumerName, Class<E> eventClass, EventConsumer<E> consumer) {
        // Nothing is delivered, so there is no one to remember.
    }

    /** The events published so far, oldest first; a live view that later publications extend. */
    public List<DomainEvent> published() {
        return published;
    }
}
