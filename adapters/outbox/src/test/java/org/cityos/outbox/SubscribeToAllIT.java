package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cityos.kernel.event.EventMetadata;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A consumer of every event type, as a relay to another bus needs, beside typed consumers. */
class SubscribeToAllIT {
    private static final ParcelRegistered PARCEL =
            new ParcelRegistered("110115001001-P3", 90, Instant.parse("2026-11-22T09:00:00Z"), List.of("Zhao Lei"));

    private record Seen(String payload, EventMetadata metadata) {}

    private OutboxDatabase db;
    private OutboxEventBus bus;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
        bus = db.newBus(EventProperties.defaults());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyTypeArrivesInStoredFormBesideTypedConsumers() {
        Received<ParcelRegistered> typed = new Received<>();
        bus.subscribe("spatial.parcel-registry", ParcelRegistered.class, typed);
        bus.subscribeToAll("bus.relay", (payload, metadata) -> seen.add(new Seen(payload, metadata)));

        db.tx.executeWithoutResult(s -> {
            bus.publish(PARCEL);
            bus.publish(new SensorSilenced("aq-0042"));
        });

        assertThat(bus.runOnce()).isEqualTo(3);
        assertThat(typed.events()).containsExactly(PARCEL);
        assertThat(seen)
                .extracting(s -> s.metadata().type())
                .containsExactlyInAnyOrder("test.parcel-registered", SensorSilenced.class.getName());
        Seen parcel = seen.stream()
                .filter(s -> s.metadata().type().equals("test.parcel-registered"))
                .findFirst()
                .orElseThrow();
        // jsonb normalises spacing and key order; the content is what the context wrote.
        assertThat(JsonMapper.builder().build().readValue(parcel.payload(), ParcelRegistered.class))
                .isEqualTo(PARCEL);
        assertThat(parcel.metadata().key()).isEqualTo("110115001001-P3");
        assertThat(parcel.metadata().occurredAt()).isEqualTo(db.clock.instant());
        assertThat(parcel.metadata().attempt()).isEqualTo(1);

        assertThat(bus.runOnce()).isZero();
        assertThat(seen).hasSize(2);
    }

    @Test
    void aFailingConsumerOfEveryTypeIsRetriedLikeAnyOther() {
        AtomicBoolean failing = new AtomicBoolean(true);
        bus.subscribeToAll("bus.relay", (payload, metadata) -> {
            seen.add(new Seen(payload, metadata));
            if (failing.get()) {
                throw new IOException("other bus unreachable");
            }
        });
        db.tx.executeWithoutResult(s -> bus.publish(PARCEL));

        bus.runOnce();
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING' AND attempts = 1"))
                .isEqualTo(1);

        failing.set(false);
        db.clock.advance(EventProperties.defaults().backoffBase());
        assertThat(bus.runOnce()).isEqualTo(1);
        assertThat(seen).extracting(s -> s.metadata().attempt()).containsExactly(1, 2);
        assertThat(db.count("SELECT count(*) FROM outbox_delivery WHERE status = 'DELIVERED'"))
                .isEqualTo(1);
    }

    @Test
    void aNameServesEitherEveryTypeOrTypedSubscriptionsNotBoth() {
        bus.subscribe("search.indexer", ParcelRegistered.class, new Received<>());
        assertThatThrownBy(() -> bus.subscribeToAll("search.indexer", (payload, metadata) -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("search.indexer");

        bus.subscribeToAll("bus.relay", (payload, metadata) -> {});
        assertThatThrownBy(() -> bus.subscribe("bus.relay", SensorSilenced.class, new Received<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("every event type");
        assertThatThrownBy(() -> bus.subscribeToAll("bus.relay", (payload, metadata) -> {}))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bus.subscribeToAll(" ", (payload, metadata) -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
