package org.cityos.outbox;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** Events as contexts would declare them. */
final class TestEvents {
    private TestEvents() {}

    @EventType("test.parcel-registered")
    record ParcelRegistered(String parcelId, int areaSquareMetres, Instant surveyedAt, List<String> owners)
            implements DomainEvent {
        @Override
        public String key() {
            return parcelId;
        }
    }

    /** No {@link EventType}: stored under its class name. */
    record SensorSilenced(String sensorId) implements DomainEvent {
        @Override
        public String key() {
            return sensorId;
        }
    }
}
