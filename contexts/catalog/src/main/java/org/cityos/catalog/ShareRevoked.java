package org.cityos.catalog;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** The provider revoked a grant; its key is refused from this commit on. */
@EventType("catalog.share-revoked")
public record ShareRevoked(String grantId, String requestId, String requestingDepartment, String reason)
        implements DomainEvent {
    @Override
    public String key() {
        return requestId;
    }
}
