package org.cityos.spatial.internal.layers;

import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.access.Role;
import org.cityos.spatial.LayerDefinition;
import org.cityos.spatial.LayerProblems.LayerReadDenied;

/**
 * Who may read and write a layer. RESTRICTED means membership: the actor's own departments must
 * include the owner or a listed reader; a district-wide department scope alone does not open it,
 * because restricted layers (hazard sites, security) are shared by agreement between departments.
 */
public final class LayerAccessRule {
    private LayerAccessRule() {}

    public static boolean canRead(Actor actor, LayerDefinition layer) {
        if (isAdmin(actor)) {
            return true;
        }
        return switch (layer.access()) {
            case PUBLIC -> true;
            case INTERNAL -> actor.has(Permission.DIVISION_READ);
            case RESTRICTED -> actor.has(Permission.DIVISION_READ) && isMember(actor, layer);
        };
    }

    public static void requireRead(Actor actor, LayerDefinition layer) {
        if (!canRead(actor, layer)) {
            throw new LayerReadDenied(layer.id());
        }
    }

    /** Writing needs DIVISION_WRITE; nobody may write a layer they may not read. */
    public static void requireWrite(Actor actor, LayerDefinition layer) {
        actor.require(Permission.DIVISION_WRITE);
        requireRead(actor, layer);
    }

    private static boolean isAdmin(Actor actor) {
        return actor.isSystem() || actor.roles().contains(Role.SYSTEM_ADMIN);
    }

    private static boolean isMember(Actor actor, LayerDefinition layer) {
        if (actor.departments().contains(layer.owner())) {
            return true;
        }
        for (DepartmentCode reader : layer.readers()) {
            if (actor.departments().contains(reader)) {
                return true;
            }
        }
        return false;
    }
}
