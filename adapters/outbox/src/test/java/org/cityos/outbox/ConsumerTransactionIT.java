package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** A consumer's own writes and the delivered mark are one transaction: both happen or neither. */
class ConsumerTransactionIT {
    private static final ParcelRegistered PARCEL =
            new ParcelRegistered("110115001001-P3", 420, Instant.parse("2026-11-22T09:00:00Z"), List.of("Zhao Min"));

    private OutboxDatabase db;
    private OutboxEventBus bus;

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
        db.jdbc
                .sql("CREATE TABLE parcel_index (parcel_id text PRIMARY KEY, area integer NOT NULL)")
                .update();
        bus = db.newBus(EventProperties.defaults());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void consumerWriteCommitsWithTheDeliveredMark() {
        bus.subscribe("spatial.parcel-index", ParcelRegistered.class, (event, metadata) -> insert(event));
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();

        assertThat(indexed()).containsExactly(Map.of("parcel_id", "110115001001-P3", "area", 420));
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
    }

    @Test
    void aLazyDeliveryCommitsWithoutWaitingForTheDiskAndOnlyItself() {
        waitForTheDiskByDefault();
        List<String> seen = new java.util.ArrayList<>();
        OutboxEventBus lazy = db.newBus(EventProperties.defaults().withLazyDelivery(true));
        lazy.subscribe("spatial.parcel-index", ParcelRegistered.class, (event, metadata) -> {
            insert(event);
            seen.add(synchronousCommit());
        });
        db.tx.executeWithoutResult(s -> lazy.publish(PARCEL));

        lazy.runOnce();

        assertThat(seen).containsExactly("off");
        assertThat(indexed()).hasSize(1);
        assertThat(delivery()).containsEntry("status", "DELIVERED");
        for (int i = 0; i < 10; i++) { // every connection of the pool, over again
            String after = db.tx.execute(s -> synchronousCommit());
            assertThat(after).isEqualTo("on");
        }
    }

    @Test
    void aDeliveryWaitsForTheDiskByDefault() {
        waitForTheDiskByDefault();
        List<String> seen = new java.util.ArrayList<>();
        bus.subscribe(
                "spatial.parcel-index", ParcelRegistered.class, (event, metadata) -> seen.add(synchronousCommit()));
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();

        assertThat(seen).containsExactly("on");
    }

    /** The test server does not wait for the disk; this database's sessions do, so that a lazy commit shows. */
    private void waitForTheDiskByDefault() {
        String name =
                db.jdbc.sql("SELECT current_database()").query(String.class).single();
        db.jdbc
                .sql("ALTER DATABASE \"" + name + "\" SET synchronous_commit = on")
                .update();
        db.dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    private String synchronousCommit() {
        return db.jdbc
                .sql("SELECT current_setting('synchronous_commit')")
                .query(String.class)
                .single();
    }

    @Test
    void consumerWriteIsUndoneWhenTheConsumerThenFails() {
        AtomicBoolean fail = new AtomicBoolean(true);
        bus.subscribe("spatial.parcel-index", ParcelRegistered.class, (event, metadata) -> {
            insert(event);
            if (fail.get()) {
                throw new IllegalStateException("gazetteer lookup failed after the insert");
            }
        });
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();
        assertThat(indexed()).as("no half effect").isEmpty();
        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("attempts", 1);

        fail.set(false);
        db.clock.advance(Duration.ofSeconds(1));
        bus.runOnce();
        assertThat(indexed()).hasSize(1);
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
    }

    @Test
    void failedStatementOfTheConsumerDoesNotPoisonTheDeliveryTransaction() {
        // After an SQL error PostgreSQL rejects every statement until rollback; the failure must
        // still be recorded.
        db.jdbc.sql("INSERT INTO parcel_index VALUES ('110115001001-P3', 1)").update();
        bus.subscribe("spatial.parcel-index", ParcelRegistered.class, (event, metadata) -> insert(event));
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();

        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) delivery().get("last_error")).contains("duplicate key");
    }

    @Test
    void consumerWithItsOwnTransactionTemplateJoinsAndRollsBackCleanly() {
        TransactionTemplate consumerTx = new TransactionTemplate(db.transactions);
        AtomicBoolean fail = new AtomicBoolean(true);
        bus.subscribe(
                "spatial.parcel-index",
                ParcelRegistered.class,
                (event, metadata) -> consumerTx.executeWithoutResult(s -> {
                    insert(event);
                    if (fail.get()) {
                        throw new IllegalStateException("rolled back inside the consumer's template");
                    }
                }));
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();
        assertThat(indexed()).isEmpty();
        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("attempts", 1);

        fail.set(false);
        db.clock.advance(Duration.ofSeconds(1));
        bus.runOnce();
        assertThat(indexed()).hasSize(1);
        assertThat(delivery()).containsEntry("status", "DELIVERED");
    }

    private void insert(ParcelRegistered event) {
        // Plain JdbcClient on the application DataSource: it joins the delivery's transaction.
        db.jdbc
                .sql("INSERT INTO parcel_index (parcel_id, area) VALUES (:id, :area)")
                .param("id", event.parcelId())
                .param("area", event.areaSquareMetres())
                .update();
    }

    private List<Map<String, Object>> indexed() {
        return db.jdbc.sql("SELECT parcel_id, area FROM parcel_index").query().listOfRows();
    }

    private Map<String, Object> delivery() {
        return db.jdbc
                .sql("SELECT status, attempts, last_error FROM outbox_delivery")
                .query()
                .singleRow();
    }
}
