package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two relays on one database, as two CityOS nodes: SKIP LOCKED gives every delivery to exactly one. */
class TwoNodesIT {
    private static final int EVENTS = 300;

    private OutboxDatabase db;
    private final Map<String, AtomicInteger> callsPerEvent = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
        db.jdbc
                .sql("CREATE TABLE received (parcel_id text NOT NULL, node text NOT NULL)")
                .update();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void concurrentRelaysDeliverEachDeliveryExactlyOnce() throws Exception {
        // Small batches so the two nodes also compete for fan-out, not only for deliveries.
        EventProperties properties = EventProperties.defaults().withBatchSize(25);
        OutboxEventBus nodeA = node("a", properties);
        OutboxEventBus nodeB = node("b", properties);
        db.tx.executeWithoutResult(s -> {
            for (int i = 0; i < EVENTS; i++) {
                nodeA.publish(new ParcelRegistered("P-" + i, i, Instant.EPOCH, List.of()));
            }
        });

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(() -> {
                together.await();
                return nodeA.runOnce();
            });
            Future<Integer> b = threads.submit(() -> {
                together.await();
                return nodeB.runOnce();
            });
            int byA = a.get(60, TimeUnit.SECONDS);
            int byB = b.get(60, TimeUnit.SECONDS);
            // A node may finish while the other still holds a batch; a final pass mops up.
            int rest = nodeA.runOnce() + nodeB.runOnce();

            assertThat(byA + byB + rest).isEqualTo(EVENTS);
            assertThat(byA).as("node a took part").isPositive();
            assertThat(byB).as("node b took part").isPositive();
        } finally {
            threads.shutdownNow();
        }

        assertThat(callsPerEvent).hasSize(EVENTS);
        assertThat(callsPerEvent.values())
                .allSatisfy(calls -> assertThat(calls.get()).isEqualTo(1));
        assertThat(db.count("SELECT count(*) FROM received")).isEqualTo(EVENTS);
        assertThat(db.count("SELECT count(DISTINCT parcel_id) FROM received")).isEqualTo(EVENTS);
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'DELIVERED' AND attempts = 1"))
                .isEqualTo(EVENTS);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE NOT fanned_out"))
                .isZero();
    }

    private OutboxEventBus node(String name, EventProperties properties) {
        OutboxEventBus bus = db.newBus(properties);
        bus.subscribe("search.indexer", ParcelRegistered.class, (event, metadata) -> {
            callsPerEvent
                    .computeIfAbsent(event.parcelId(), id -> new AtomicInteger())
                    .incrementAndGet();
            db.jdbc
                    .sql("INSERT INTO received (parcel_id, node) VALUES (:id, :node)")
                    .param("id", event.parcelId())
                    .param("node", name)
                    .update();
        });
        return bus;
    }
}
