package org.cityos.spatial;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A batch of an import job was committed; one event per batch instead of one per row. */
@EventType("spatial.pois-imported")
public record PoisImported(String importId, int firstRow, int lastRow, int imported, int updated)
        implements DomainEvent {
    @Override
    public String key() {
        return importId;
    }
}
