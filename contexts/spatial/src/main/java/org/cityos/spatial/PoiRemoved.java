package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A point of interest was removed. */
@EventType("spatial.poi-removed")
public record PoiRemoved(String id, String division) implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
