package org.cityos.iot;

import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** One committed batch of an import added these devices (one event per batch, not per device). */
@EventType("iot.devices-imported")
public record DevicesImported(String importId, List<String> deviceIds) implements DomainEvent {
    @Override
    public String key() {
        return importId;
    }
}
