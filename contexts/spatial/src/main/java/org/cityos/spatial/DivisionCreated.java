package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A division was added to the tree. */
@EventType("spatial.division-created")
public record DivisionCreated(String code, String parentCode, String kind, String name) implements DomainEvent {
    @Override
    public String key() {
        return code;
    }
}
