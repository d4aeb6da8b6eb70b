package org.cityos.catalog;

import java.time.Instant;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A department asked for data of a catalogued resource; the provider should decide by {@code decisionDue}. */
@EventType("catalog.share-requested")
public record ShareRequested(
        String requestId,
        String resourceCode,
        String requestingDepartment,
        String providerDepartment,
        Instant decisionDue)
        implements DomainEvent {
    @Override
    public String key() {
        return requestId;
    }
}
