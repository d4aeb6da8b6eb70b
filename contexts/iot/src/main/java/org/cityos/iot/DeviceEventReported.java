package org.cityos.iot;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A device reported a discrete event (an emergency button, a fault, a door opened), stored with it. */
@EventType("iot.device-event-reported")
public record DeviceEventReported(String id, String typeCode, String division, String name, Instant at, String dataJson)
        implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
