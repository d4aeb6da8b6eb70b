package org.cityos.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventConsumer;
import org.cityos.outbox.internal.Backoff;
import org.cityos.outbox.internal.DeliveryWorker;
import org.cityos.outbox.internal.EventJson;
import org.cityos.outbox.internal.EventTypes;
import org.cityos.outbox.internal.FanOut;
import org.cityos.outbox.internal.RelayLoop;
import org.cityos.outbox.internal.Retention;
import org.cityos.outbox.internal.Subscriptions;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link EventBus} of one node, backed by the {@code outbox_*} tables. {@link #publish} inserts the
 * event in the caller's transaction; this node's relay thread (this bean's lifecycle) delivers it
 * after commit. A new instance over the same tables is exactly what a restarted node is: it picks up
 * whatever the previous one left.
 */
public final class OutboxEventBus implements EventBus, SmartLifecycle {
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Subscriptions subscriptions = new Subscriptions();
    private final RelayLoop relay;
    // A single instance: synchronizations are held in a set, so a transaction publishing a thousand
    // events still wakes the relay once.
    private final TransactionSynchronization wakeAfterCommit = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            relay.wake();
        }
    };

    public OutboxEventBus(
            DataSource dataSource, PlatformTransactionManager transactions, Clock clock, EventProperties properties) {
        this(dataSource, transactions, EventJson.newMapper(), clock, properties);
    }

    public OutboxEventBus(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock,
            EventProperties properties) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(transactions, "transactions");
        FanOut fanOut = new FanOut(jdbc, transactions, clock, subscriptions, properties.batchSize());
        DeliveryWorker worker = new DeliveryWorker(
                jdbc,
                transactions,
                json,
                clock,
                subscriptions,
                new Backoff(properties.backoffBase(), properties.backoffMax()),
                properties.maxAttempts(),
                properties.lazyDelivery());
        this.relay = new RelayLoop(
                fanOut,
                worker,
                new Retention(jdbc, transactions),
                clock,
                properties.pollInterval(),
                properties.retention());
    }

    /**
     * Stores the event in the current transaction. Refused without one: an event stored on its own
     * could describe a change that then rolls back, or be lost while the change commits. An event of a type
     * that no consumer on this node takes (and with no consumer of every type) is kept for the record but
     * never delivered, also not to a consumer that subscribes later: consumers subscribe at start-up.
     */
    @Override
    public void publish(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        // hasResource: a transaction on another DataSource would not make this insert atomic with it.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException(
                    "EventBus.publish(" + event.getClass().getSimpleName()
                            + ") needs an active transaction on the outbox DataSource: an event is stored with the change"
                            + " it describes. Publish from a @Transactional method or inside a TransactionTemplate.");
        }
        String key = Objects.requireNonNull(
                event.key(), () -> event.getClass().getName() + ".key() is null; it must name the aggregate");
        String type = EventTypes.nameOf(event.getClass());
        // An event no consumer on this node takes is stored already fanned out: fanning it would add no delivery,
        // only a transaction of the relay's own after every commit.
        boolean wanted = subscriptions.wants(type);
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, type, key, payload, occurred_at, fanned_out)
                        VALUES (:eventId, :type, :key, CAST(:payload AS jsonb), :occurredAt, :fannedOut)
                        """)
                .param("eventId", UUID.randomUUID())
                .param("type", type)
                .param("key", key)
                .param("payload", json.writeValueAsString(event))
                .param("occurredAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("fannedOut", !wanted)
                .update();
        if (wanted) {
            wakeRelayAfterCommit();
        }
    }

    /** Registers a consumer on this node; names are unique per event type and must not change between releases. */
    @Override
    public <E extends DomainEvent> void subscribe(String consumerName, Class<E> eventClass, EventConsumer<E> consumer) {
        subscriptions.add(consumerName, eventClass, consumer);
    }

    /**
     * Registers a consumer of every event type, handed each event in its stored JSON form. Its name
     * shares the namespace of typed consumers and may not also be used for a typed subscription.
     */
    public void subscribeToAll(String consumerName, StoredEventConsumer consumer) {
        subscriptions.addToAll(consumerName, consumer);
    }

    /**
     * Fans out all unfanned events and attempts every delivery that is due now, on the calling
     * thread; returns how many deliveries were attempted. For tests and recovery tooling: the relay
     * thread does the same on its own.
     */
    public int runOnce() {
        return relay.runOnce();
    }

    @Override
    public void start() {
        relay.start();
    }

    @Override
    public void stop() {
        relay.stop();
    }

    @Override
    public boolean isRunning() {
        return relay.isRunning();
    }

    /** Wakes the relay when the current transaction commits, or now if there is none. */
    void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeAfterCommit);
        } else {
            relay.wake();
        }
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
