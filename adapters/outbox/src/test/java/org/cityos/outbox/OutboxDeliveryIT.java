package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxDeliveryIT {
    private static final ParcelRegistered PARCEL = new ParcelRegistered(
            "110115001001-P7", 1250, Instant.parse("2026-11-20T08:30:00Z"), List.of("Wang Fang", "Li Wei"));

    private OutboxDatabase db;
    private OutboxEventBus bus;

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
        bus = db.newBus(EventProperties.defaults());
    }

    @AfterEach
    void tearDown() {
        bus.stop();
        db.close();
    }

    @Test
    void committedEventIsDeliveredOnceToEachSubscriberWithPayloadAndMetadata() {
        Received<ParcelRegistered> registry = new Received<>();
        Received<ParcelRegistered> search = new Received<>();
        Received<SensorSilenced> unrelated = new Received<>();
        bus.subscribe("spatial.parcel-registry", ParcelRegistered.class, registry);
        bus.subscribe("search.indexer", ParcelRegistered.class, search);
        bus.subscribe("spatial.parcel-registry", SensorSilenced.class, unrelated);

        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        assertThat(bus.runOnce()).isEqualTo(2);
        assertThat(registry.events()).containsExactly(PARCEL);
        assertThat(search.events()).containsExactly(PARCEL);
        assertThat(unrelated.calls).isEmpty();

        UUID storedId = db.jdbc
                .sql("SELECT event_id FROM outbox_event")
                .query(UUID.class)
                .single();
        for (Received<ParcelRegistered> consumer : List.of(registry, search)) {
            var metadata = consumer.calls.get(0).metadata();
            assertThat(metadata.eventId()).isEqualTo(storedId);
            assertThat(metadata.type()).isEqualTo("test.parcel-registered");
            assertThat(metadata.key()).isEqualTo("110115001001-P7");
            assertThat(metadata.occurredAt()).isEqualTo(db.clock.instant());
            assertThat(metadata.attempt()).isEqualTo(1);
        }

        // Delivered means delivered: later passes find nothing.
        assertThat(bus.runOnce()).isZero();
        assertThat(registry.calls).hasSize(1);
        assertThat(search.calls).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'DELIVERED'"))
                .isEqualTo(2);
    }

    @Test
    void storedFormIsBusNeutral() {
        db.tx.executeWithoutResult(s -> {
            bus.publish(PARCEL);
            bus.publish(new SensorSilenced("aq-0042"));
        });

        var rows = db.jdbc.sql("""
                        SELECT type, key, payload->>'parcelId' AS parcel, payload->'owners'->>1 AS owner,
                               payload->>'surveyedAt' AS surveyed, occurred_at
                        FROM outbox_event ORDER BY id
                        """).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("type", "test.parcel-registered")
                .containsEntry("key", "110115001001-P7")
                .containsEntry("parcel", "110115001001-P7")
                .containsEntry("owner", "Li Wei")
                .containsEntry("surveyed", "2026-11-20T08:30:00Z");
        assertThat(rows.get(1))
                .containsEntry("type", SensorSilenced.class.getName())
                .containsEntry("key", "aq-0042");
    }

    @Test
    void eventOfARolledBackTransactionIsNeverDelivered() {
        Received<ParcelRegistered> consumer = new Received<>();
        bus.subscribe("spatial.parcel-registry", ParcelRegistered.class, consumer);

        db.tx.executeWithoutResult(s -> {
            bus.publish(PARCEL);
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> db.tx.executeWithoutResult(s -> {
                    bus.publish(PARCEL);
                    throw new IllegalArgumentException("the change itself failed");
                }))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(bus.runOnce()).isZero();
        assertThat(consumer.calls).isEmpty();
        assertThat(db.count("SELECT count(*) FROM outbox_event")).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox_delivery")).isZero();
    }

    @Test
    void publishOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> bus.publish(PARCEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an active transaction");

        // A transaction on some other DataSource would not make the insert atomic with the change.
        try (HikariDataSource other = OutboxDatabase.pool(db.dataSource.getJdbcUrl())) {
            TransactionTemplate otherTx = new TransactionTemplate(new DataSourceTransactionManager(other));
            assertThatThrownBy(() -> otherTx.executeWithoutResult(s -> bus.publish(PARCEL)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outbox DataSource");
        }
        assertThat(db.count("SELECT count(*) FROM outbox_event")).isZero();
    }

    @Test
    void eventCommittedBeforeACrashIsDeliveredByTheNextInstance() {
        // The first node commits and dies before its relay ran.
        OutboxEventBus crashed = db.newBus(EventProperties.defaults());
        crashed.subscribe("spatial.parcel-registry", ParcelRegistered.class, new Received<>());
        db.tx.executeWithoutResult(s -> crashed.publish(PARCEL));

        OutboxEventBus restarted = db.newBus(EventProperties.defaults());
        Received<ParcelRegistered> consumer = new Received<>();
        restarted.subscribe("spatial.parcel-registry", ParcelRegistered.class, consumer);
        restarted.runOnce();

        assertThat(consumer.events()).containsExactly(PARCEL);
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'DELIVERED'"))
                .isEqualTo(1);
    }

    @Test
    void workHeldByACrashedNodeIsSkippedThenRecovered() throws Exception {
        Received<ParcelRegistered> consumer = new Received<>();
        bus.subscribe("spatial.parcel-registry", ParcelRegistered.class, consumer);
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        try (HikariDataSource otherNode = OutboxDatabase.pool(db.dataSource.getJdbcUrl());
                Connection node = otherNode.getConnection();
                Statement st = node.createStatement()) {
            node.setAutoCommit(false);
            // The other node is fanning the event out: this one skips it instead of waiting.
            st.execute("SELECT * FROM outbox_event FOR UPDATE");
            assertThat(bus.runOnce()).isZero();
            assertThat(db.count("SELECT count(*) FROM outbox_delivery")).isZero();
            st.execute("UPDATE outbox_event SET fanned_out = true");
            st.execute("INSERT INTO outbox_delivery (event_id, consumer, next_attempt_at)"
                    + " SELECT event_id, 'spatial.parcel-registry', occurred_at FROM outbox_event");
            node.commit();

            // The other node has claimed the delivery and is inside the consumer...
            st.execute("SELECT * FROM outbox_delivery FOR UPDATE");
            assertThat(bus.runOnce()).as("a claimed delivery is skipped").isZero();
            assertThat(consumer.calls).isEmpty();
            // ...when it dies: its transaction, and with it the lock, is gone.
            node.rollback();
        }

        assertThat(bus.runOnce()).isEqualTo(1);
        assertThat(consumer.events()).containsExactly(PARCEL);
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'DELIVERED'"))
                .isEqualTo(1);
    }

    @Test
    void commitWakesTheRunningRelayWithoutWaitingForAPoll() {
        OutboxEventBus node = db.newBus(EventProperties.defaults().withPollInterval(Duration.ofHours(1)));
        Received<ParcelRegistered> consumer = new Received<>();
        node.subscribe("spatial.parcel-registry", ParcelRegistered.class, consumer);
        node.start();
        try {
            assertThat(node.isRunning()).isTrue();
            // The first may be taken by the pass the relay runs on start...
            db.tx.executeWithoutResult(s -> node.publish(PARCEL));
            await().atMost(Duration.ofSeconds(20)).until(() -> consumer.calls.size() == 1);

            // ...the second, with the relay idle and an hour between polls, only by the after-commit wake.
            db.tx.executeWithoutResult(s -> node.publish(PARCEL));
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> consumer.calls.size() == 2);
        } finally {
            node.stop();
        }
        assertThat(node.isRunning()).isFalse();
    }
}
