package org.cityos.iot;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A device moved in its lifecycle (e.g. ACTIVE → FAULTY), with the reason given. */
@EventType("iot.device-state-changed")
public record DeviceStateChanged(String id, String typeCode, String division, String from, String to, String reason)
        implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
