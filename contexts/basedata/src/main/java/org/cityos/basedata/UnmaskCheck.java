package org.cityos.basedata;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.cityos.basedata.persistence.GrantStore;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;

/**
 * Whether a reader may see field groups unmasked: PII_UNMASK opens all, an unexpired grant opens its
 * group. Asking for more is refused, never answered silently masked.
 */
public final class UnmaskCheck {
    private final GrantStore grants;
    private final Clock clock;

    public UnmaskCheck(GrantStore grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    public void require(Actor actor, Set<FieldGroup> groups) {
        if (groups.isEmpty() || actor.has(Permission.PII_UNMASK)) {
            return;
        }
        Set<FieldGroup> held = new HashSet<>(grants.held(actor.id(), clock.instant()));
        for (FieldGroup g : groups) {
            if (!held.contains(g)) {
                throw new AccessDenied("problem.unmask-not-granted", g.name());
            }
        }
    }
}
