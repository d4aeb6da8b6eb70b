package org.cityos.iot.internal.video;

import java.util.Collection;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;

/**
 * Who may see a channel's picture: the actor's department scope must cover the owner department or a
 * department holding an unexpired grant. Division scope and permissions are checked by the caller.
 */
public final class ChannelViewRule {
    /** Why a view was allowed or refused; stored in the access log. */
    public enum Reason {
        OWNER,
        GRANT,
        NO_GRANT,
        DECOMMISSIONED,
        OUT_OF_SCOPE,
        MISSING_PERMISSION
    }

    private ChannelViewRule() {}

    public static Reason decide(Actor actor, DepartmentCode owner, Collection<DepartmentCode> grantees) {
        if (actor.coversDepartment(owner)) {
            return Reason.OWNER;
        }
        for (DepartmentCode d : grantees) {
            if (actor.coversDepartment(d)) {
                return Reason.GRANT;
            }
        }
        return Reason.NO_GRANT;
    }

    public static boolean allows(Reason reason) {
        return reason == Reason.OWNER || reason == Reason.GRANT;
    }
}
