package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A layer's definition (titles, style, access…) changed. */
@EventType("spatial.layer-updated")
public record LayerUpdated(String layerId, int version) implements DomainEvent {
    @Override
    public String key() {
        return layerId;
    }
}
