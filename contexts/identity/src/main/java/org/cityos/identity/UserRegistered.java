package org.cityos.identity;

import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A user was registered (no personal data in the event). */
@EventType("identity.user-registered")
public record UserRegistered(String userId, String username, java.util.List<String> roles) implements DomainEvent {
    @Override
    public String key() {
        return userId;
    }
}
