package org.cityos.iot;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * A device's health moved: it went online or offline (silence beyond its type's expected interval), its battery
 * fell to or below the low mark, or it reported a new fault code (null when cleared).
 *
 * @param change ONLINE, OFFLINE, BATTERY_LOW, FAULT or FAULT_CLEARED
 */
@EventType("iot.device-health-changed")
public record DeviceHealthChanged(
        String id, String typeCode, String division, String change, Instant lastSeen, Double battery, String fault)
        implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
