package org.cityos.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.kernel.event.EventMetadata;

/** A consumer that remembers every call, for assertions. */
final class Received<E extends DomainEvent> implements EventConsumer<E> {
    record Call<E>(E event, EventMetadata metadata) {}

    final List<Call<E>> calls = new CopyOnWriteArrayList<>();

    @Override
    public void accept(E event, EventMetadata metadata) {
        calls.add(new Call<>(event, metadata));
    }

    List<E> events() {
        return calls.stream().map(Call::event).toList();
    }
}
