package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A point of interest was added. */
@EventType("spatial.poi-placed")
public record PoiPlaced(String id, String classCode, String name, String division) implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
