package org.cityos.outbox.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.kernel.event.EventMetadata;
import tools.jackson.databind.json.JsonMapper;

/** The consumers subscribed on this node, by stored event type and consumer name. */
public final class Subscriptions {
    private final Map<Key, Subscription<?>> byKey = new ConcurrentHashMap<>();
    private volatile Pairs pairs = new Pairs(new String[0], new String[0]);

    public synchronized <E extends DomainEvent> void add(
            String consumer, Class<E> eventClass, EventConsumer<E> handler) {
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(handler, "consumer");
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a stable, non-blank name");
        }
        String type = EventTypes.nameOf(eventClass);
        Key key = new Key(type, consumer);
        if (byKey.containsKey(key)) {
            throw new IllegalStateException("consumer '" + consumer + "' is already subscribed to " + type);
        }
        byKey.put(key, new Subscription<>(type, consumer, eventClass, handler));
        // Rebuilt on (rare) subscribe so the relay's (frequent) queries get a ready snapshot.
        List<Key> keys = List.copyOf(byKey.keySet());
        pairs = new Pairs(
                keys.stream().map(Key::type).toArray(String[]::new),
                keys.stream().map(Key::consumer).toArray(String[]::new));
    }

    public Optional<Subscription<?>> find(String type, String consumer) {
        return Optional.ofNullable(byKey.get(new Key(type, consumer)));
    }

    /** Every (type, consumer) pair as two parallel arrays, ready to be unnested in SQL. */
    public Pairs pairs() {
        return pairs;
    }

    private record Key(String type, String consumer) {}

    /** Parallel arrays: {@code types[i]} is consumed by {@code consumers[i]}. */
    public record Pairs(String[] types, String[] consumers) {
        public boolean isEmpty() {
            return types.length == 0;
        }
    }

    /** One consumer of one event type; knows the class to read the stored payload into. */
    public record Subscription<E extends DomainEvent>(
            String type, String consumer, Class<E> eventClass, EventConsumer<E> handler) {
        public void deliver(JsonMapper json, String payload, EventMetadata metadata) throws Exception {
            handler.accept(json.readValue(payload, eventClass), metadata);
        }
    }
}
