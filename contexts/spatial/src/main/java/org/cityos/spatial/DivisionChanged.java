package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A division was renamed or its kind corrected. */
@EventType("spatial.division-changed")
public record DivisionChanged(String code, String kind, String name, int version) implements DomainEvent {
    @Override
    public String key() {
        return code;
    }
}
