package org.cityos.http;

import java.util.Optional;
import org.cityos.kernel.access.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Actor} behind the current request, as put there by the authentication filter. */
public final class ActingUser {
    private ActingUser() {}

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    public static Actor require() {
        return current().orElseThrow(Unauthenticated::new);
    }
}
