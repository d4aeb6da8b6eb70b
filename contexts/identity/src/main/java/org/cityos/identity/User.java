package org.cityos.identity;

import java.time.Instant;

/** A person who signs in. {@code displayName} and {@code phone} are personal data: shown masked by default. */
public record User(
        UserId id,
        String username,
        String displayName,
        String phone,
        String email,
        Scope scope,
        boolean enabled,
        boolean mustChangePassword,
        Instant lockedUntil,
        Instant lastLoginAt,
        int version,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
