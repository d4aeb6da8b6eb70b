package org.cityos.iot;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A device joined the registry. */
@EventType("iot.device-registered")
public record DeviceRegistered(String id, String typeCode, String division, String department, String state)
        implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
