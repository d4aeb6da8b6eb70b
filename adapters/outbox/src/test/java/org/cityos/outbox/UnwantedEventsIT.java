package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cityos.outbox.TestEvents.ParcelRegistered;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An event no consumer on the node takes is kept for the record but costs the relay nothing. */
class UnwantedEventsIT {
    private OutboxDatabase db;
    private OutboxEventBus bus;

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
    void anEventOfATypeNobodyTakesIsStoredFannedOutAndOneSomebodyTakesIsDelivered() {
        List<String> silenced = new ArrayList<>();
        bus.subscribe("watch", SensorSilenced.class, (event, metadata) -> silenced.add(event.sensorId()));

        db.tx.executeWithoutResult(s -> {
            bus.publish(new ParcelRegistered("p-1", 120, db.clock.instant(), List.of("王")));
            bus.publish(new SensorSilenced("aq-1"));
        });

        assertThat(db.count("SELECT count(*) FROM outbox_event")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE NOT fanned_out"))
                .isEqualTo(1);
        assertThat(bus.runOnce()).isEqualTo(1);
        assertThat(silenced).containsExactly("aq-1");
        assertThat(db.count("SELECT count(*) FROM outbox_delivery")).isEqualTo(1);
    }

    @Test
    void aConsumerOfEveryTypeWantsThemAll() {
        List<String> seen = new ArrayList<>();
        bus.subscribeToAll("relay", (payload, metadata) -> seen.add(metadata.type()));

        db.tx.executeWithoutResult(s -> bus.publish(new ParcelRegistered("p-2", 80, db.clock.instant(), List.of())));

        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE NOT fanned_out"))
                .isEqualTo(1);
        bus.runOnce();
        assertThat(seen).containsExactly("test.parcel-registered");
    }
}
