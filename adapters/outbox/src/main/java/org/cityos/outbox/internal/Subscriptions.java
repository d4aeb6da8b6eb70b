package org.cityos.outbox.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.kernel.event.EventMetadata;
import org.cityos.outbox.StoredEventConsumer;
import tools.jackson.databind.json.JsonMapper;

/** The consumers subscribed on this node, by stored event type and consumer name. */
public final class Subscriptions {
    private final Map<Key, Subscription> byKey = new ConcurrentHashMap<>();
    // Consumers of every type, by name: they receive the stored JSON, so no class is needed.
    private final Map<String, Subscription> toAll = new ConcurrentHashMap<>();
    private volatile Pairs pairs = new Pairs(new String[0], new String[0], new String[0]);
    private volatile Set<String> wantedTypes = Set.of();

    public synchronized <E extends DomainEvent> void add(
            String consumer, Class<E> eventClass, EventConsumer<E> handler) {
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(handler, "consumer");
        requireName(consumer);
        String type = EventTypes.nameOf(eventClass);
        Key key = new Key(type, consumer);
        if (byKey.containsKey(key)) {
            throw new IllegalStateException("consumer '" + consumer + "' is already subscribed to " + type);
        }
        if (toAll.containsKey(consumer)) {
            throw new IllegalStateException("consumer '" + consumer + "' is already subscribed to every event type");
        }
        byKey.put(key, new Subscription(type, consumer, (json, payload, metadata) -> {
            handler.accept(json.readValue(payload, eventClass), metadata);
        }));
        rebuildPairs();
    }

    public synchronized void addToAll(String consumer, StoredEventConsumer handler) {
        Objects.requireNonNull(handler, "consumer");
        requireName(consumer);
        // One delivery row per (event, consumer): a name on both lists would make them share rows.
        if (toAll.containsKey(consumer)
                || byKey.keySet().stream().anyMatch(k -> k.consumer().equals(consumer))) {
            throw new IllegalStateException("consumer '" + consumer + "' is already subscribed");
        }
        toAll.put(
                consumer,
                new Subscription(null, consumer, (json, payload, metadata) -> handler.accept(payload, metadata)));
        rebuildPairs();
    }

    public Optional<Subscription> find(String type, String consumer) {
        Subscription typed = byKey.get(new Key(type, consumer));
        return Optional.ofNullable(typed != null ? typed : toAll.get(consumer));
    }

    /** Whether any consumer on this node takes events of this stored type (a consumer of every type takes all). */
    public boolean wants(String type) {
        Pairs p = pairs;
        return p.everyType().length > 0 || wantedTypes.contains(type);
    }

    /** Every (type, consumer) pair as two parallel arrays, plus the consumers of every type. */
    public Pairs pairs() {
        return pairs;
    }

    // Rebuilt on (rare) subscribe so the relay's (frequent) queries get a ready snapshot.
    private void rebuildPairs() {
        List<Key> keys = List.copyOf(byKey.keySet());
        wantedTypes = keys.stream().map(Key::type).collect(Collectors.toUnmodifiableSet());
        pairs = new Pairs(
                keys.stream().map(Key::type).toArray(String[]::new),
                keys.stream().map(Key::consumer).toArray(String[]::new),
                toAll.keySet().toArray(String[]::new));
    }

    private static void requireName(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a stable, non-blank name");
        }
    }

    private record Key(String type, String consumer) {}

    /**
     * Parallel arrays: {@code types[i]} is consumed by {@code consumers[i]}; each of
     * {@code everyType} consumes all types.
     */
    public record Pairs(String[] types, String[] consumers, String[] everyType) {
        public boolean isEmpty() {
            return types.length == 0 && everyType.length == 0;
        }
    }

    /** One consumer of one event type (null type: of every type); turns the stored payload into a call. */
    public record Subscription(String type, String consumer, Delivery delivery) {
        public void deliver(JsonMapper json, String payload, EventMetadata metadata) throws Exception {
            delivery.deliver(json, payload, metadata);
        }
    }

    /** How a subscription hands a stored event to its consumer. */
    @FunctionalInterface
    public interface Delivery {
        void deliver(JsonMapper json, String payload, EventMetadata metadata) throws Exception;
    }
}
