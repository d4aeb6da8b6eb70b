package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A point of interest was changed. */
@EventType("spatial.poi-changed")
public record PoiChanged(String id, String classCode, String name, String division, int version)
        implements DomainEvent {
    @Override
    public String key() {
        return id;
    }
}
