package org.cityos.identity.web;

import java.time.Instant;
import org.cityos.identity.User;
import org.cityos.identity.internal.Masking;

/** A user as the API shows it; personal fields masked unless the caller may and asked to see them. */
public record UserView(
        String id,
        String username,
        String displayName,
        String phone,
        String email,
        ScopeRequest scope,
        boolean enabled,
        boolean mustChangePassword,
        Instant lockedUntil,
        Instant lastLoginAt,
        int version,
        boolean masked) {

    static UserView of(User u, boolean unmasked) {
        return new UserView(
                u.id().toString(),
                u.username(),
                unmasked ? u.displayName() : Masking.name(u.displayName()),
                unmasked ? u.phone() : Masking.phone(u.phone()),
                unmasked ? u.email() : Masking.email(u.email()),
                ScopeRequest.of(u.scope()),
                u.enabled(),
                u.mustChangePassword(),
                u.lockedUntil(),
                u.lastLoginAt(),
                u.version(),
                !unmasked);
    }
}
