package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A layer and all its features were removed. */
@EventType("spatial.layer-removed")
public record LayerRemoved(String layerId) implements DomainEvent {
    @Override
    public String key() {
        return layerId;
    }
}
