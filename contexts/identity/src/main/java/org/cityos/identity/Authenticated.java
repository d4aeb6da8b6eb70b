package org.cityos.identity;

import java.time.Instant;
import org.cityos.kernel.access.Actor;

/** What a credential resolves to: the actor, whether it must change its password first, and until when it holds. */
public record Authenticated(Actor actor, boolean mustChangePassword, Instant validUntil) {}
