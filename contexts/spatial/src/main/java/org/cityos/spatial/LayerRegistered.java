package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A layer was added to the registry. */
@EventType("spatial.layer-registered")
public record LayerRegistered(String layerId, String owner, String access) implements DomainEvent {
    @Override
    public String key() {
        return layerId;
    }
}
