package org.cityos.catalog;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A catalogue entry got a new version (created, changed or retired); its digest is on the ledger. */
@EventType("catalog.entry-versioned")
public record CatalogEntryVersioned(
        String code, int version, EntryStatus status, String providerDepartment, String changedBy, String reason)
        implements DomainEvent {
    @Override
    public String key() {
        return code;
    }
}
