package org.cityos.catalog;

import java.time.LocalDate;
import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** The provider decided a sharing request; the decision is on the catalogue ledger. */
@EventType("catalog.share-decided")
public record ShareDecided(
        String requestId,
        String resourceCode,
        String requestingDepartment,
        ShareStatus outcome,
        List<String> grantedFields,
        LocalDate grantedFrom,
        LocalDate grantedTo)
        implements DomainEvent {
    @Override
    public String key() {
        return requestId;
    }
}
