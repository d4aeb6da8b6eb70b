package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.NotFound;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRetryIT {
    private static final ParcelRegistered PARCEL =
            new ParcelRegistered("110115001001-P9", 800, Instant.parse("2026-11-21T10:00:00Z"), List.of());
    // Base 1 s doubling, capped at 3 s: waits of 1 s, 2 s, 3 s (not 4 s), then parked after attempt 4.
    private static final EventProperties PROPERTIES =
            EventProperties.defaults().withMaxAttempts(4).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(3));

    private OutboxDatabase db;
    private OutboxEventBus bus;
    private OutboxAdmin admin;
    private final AtomicBoolean failing = new AtomicBoolean(true);
    private final List<Integer> attemptsSeen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
        bus = db.newBus(PROPERTIES);
        admin = db.admin(bus, PROPERTIES);
        bus.subscribe("gis.tile-cache", ParcelRegistered.class, (event, metadata) -> {
            attemptsSeen.add(metadata.attempt());
            if (failing.get()) {
                throw new IOException("tile server unreachable");
            }
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void failingConsumerIsRetriedWithBackoffThenParkedAndRetriedByAnOperator() {
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();
        assertThat(attemptsSeen).containsExactly(1);
        assertThat(delivery())
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "java.io.IOException: tile server unreachable");

        assertAttemptsOnlyAfter(Duration.ofSeconds(1), 2);
        assertAttemptsOnlyAfter(Duration.ofSeconds(2), 3);
        assertAttemptsOnlyAfter(Duration.ofSeconds(3), 4); // capped: 3 s, not 4 s
        assertThat(delivery()).containsEntry("status", "PARKED").containsEntry("attempts", 4);

        db.clock.advance(Duration.ofDays(1));
        assertThat(bus.runOnce()).as("parked stays parked").isZero();
        assertThat(attemptsSeen).containsExactly(1, 2, 3, 4);

        var parked = admin.parked(PageRequest.of(0, 10));
        assertThat(parked.total()).isEqualTo(1);
        ParkedDelivery item = parked.items().get(0);
        assertThat(item.consumer()).isEqualTo("gis.tile-cache");
        assertThat(item.type()).isEqualTo("test.parcel-registered");
        assertThat(item.key()).isEqualTo("110115001001-P9");
        assertThat(item.attempts()).isEqualTo(4);
        assertThat(item.lastError()).contains("tile server unreachable");
        assertThat(item.occurredAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(item.lastAttemptAt()).isEqualTo(Instant.parse("2026-11-24T00:00:06Z"));
        assertThat(admin.stats()).isEqualTo(new OutboxStats(0, 1, 1));

        failing.set(false);
        assertThat(admin.retry(item.id())).isTrue();
        assertThat(admin.stats()).isEqualTo(new OutboxStats(1, 0, 1));
        assertThat(bus.runOnce()).isEqualTo(1);
        assertThat(attemptsSeen).containsExactly(1, 2, 3, 4, 1);
        assertThat(delivery()).containsEntry("status", "DELIVERED");
        assertThat(admin.stats()).isEqualTo(new OutboxStats(0, 0, 0));
        assertThat(admin.parked(PageRequest.of(0, 10)).items()).isEmpty();

        assertThat(admin.retry(item.id())).as("nothing to retry once delivered").isFalse();
        assertThatThrownBy(() -> admin.retry(424242)).isInstanceOf(NotFound.class);
    }

    @Test
    void oneFailingConsumerDoesNotHoldBackTheOthers() {
        List<ParcelRegistered> healthy = new CopyOnWriteArrayList<>();
        bus.subscribe("search.indexer", ParcelRegistered.class, (event, metadata) -> healthy.add(event));
        db.tx.executeWithoutResult(s -> {
            bus.publish(PARCEL);
            bus.publish(PARCEL);
        });

        bus.runOnce();

        assertThat(healthy).hasSize(2);
        assertThat(admin.stats()).isEqualTo(new OutboxStats(2, 0, 2));
    }

    @Test
    void longErrorsAreTruncated() {
        bus.subscribe("noisy", SensorSilenced.class, (event, metadata) -> {
            throw new IllegalStateException("x".repeat(50_000));
        });
        db.tx.executeWithoutResult(s -> bus.publish(new SensorSilenced("aq-7")));

        bus.runOnce();

        String error = db.jdbc
                .sql("SELECT last_error FROM outbox_delivery WHERE consumer = 'noisy'")
                .query(String.class)
                .single();
        assertThat(error).startsWith("java.lang.IllegalStateException: xxx").hasSize(2000);
    }

    @Test
    void purgeRemovesOnlyFinishedWorkOlderThanTheRetention() {
        failing.set(false);
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));
        bus.subscribe("always-broken", SensorSilenced.class, (event, metadata) -> {
            throw new IllegalStateException("broken");
        });
        db.tx.executeWithoutResult(s -> bus.publish(new SensorSilenced("aq-1")));
        bus.runOnce();

        db.clock.advance(Duration.ofDays(6));
        assertThat(admin.purge()).as("within retention").isEqualTo(new PurgeResult(0, 0));

        db.clock.advance(Duration.ofDays(2));
        assertThat(admin.purge()).isEqualTo(new PurgeResult(1, 1));
        assertThat(db.jdbc
                        .sql("SELECT type FROM outbox_event")
                        .query(String.class)
                        .list())
                .as("the event still owed a delivery is kept")
                .containsExactly(SensorSilenced.class.getName());
        assertThat(db.count("SELECT count(*) FROM outbox_delivery")).isEqualTo(1);
    }

    private void assertAttemptsOnlyAfter(Duration backoff, int attempt) {
        db.clock.advance(backoff.minusMillis(1));
        bus.runOnce();
        assertThat(attemptsSeen).as("not due before the back-off elapses").hasSize(attempt - 1);
        db.clock.advance(Duration.ofMillis(1));
        bus.runOnce();
        assertThat(attemptsSeen).as("due once it has").hasSize(attempt);
        assertThat(attemptsSeen.get(attempt - 1)).isEqualTo(attempt);
    }

    private Map<String, Object> delivery() {
        return db.jdbc
                .sql("SELECT status, attempts, last_error FROM outbox_delivery")
                .query()
                .singleRow();
    }
}
