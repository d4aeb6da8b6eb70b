package org.cityos.casework.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cityos.casework.UnitKind;
import org.cityos.casework.UnitRef;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.ActorKind;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.access.Role;

/**
 * The units an actor acts for, read from its roles and scopes: the operations centre for dispatchers, its
 * departments for department handlers, its towns, communities or grids for territorial handlers, and always
 * itself as a named handler.
 */
public final class ActingUnits {
    private ActingUnits() {}

    public static Set<UnitRef> of(Actor actor, DivisionCode district) {
        Set<UnitRef> units = new LinkedHashSet<>();
        if (actor.has(Permission.CASE_DISPATCH)) {
            units.add(UnitRef.centre(district));
        }
        if (actor.roles().contains(Role.DEPARTMENT_HANDLER)) {
            for (DepartmentCode d : actor.departments()) {
                units.add(UnitRef.department(d));
            }
        }
        for (DivisionCode d : actor.divisions()) {
            if (actor.roles().contains(Role.TOWN_HANDLER) && d.level() == DivisionLevel.TOWN) {
                units.add(UnitRef.division(UnitKind.TOWN, d));
            }
            if (actor.roles().contains(Role.COMMUNITY_HANDLER) && d.level() == DivisionLevel.COMMUNITY) {
                units.add(UnitRef.division(UnitKind.COMMUNITY, d));
            }
            if (actor.roles().contains(Role.GRID_WORKER) && d.level() == DivisionLevel.GRID) {
                units.add(UnitRef.division(UnitKind.GRID, d));
            }
        }
        if (actor.kind() == ActorKind.USER
                && UnitRef.parse("user:" + actor.id()).isPresent()) {
            units.add(new UnitRef(UnitKind.HANDLER, actor.id()));
        }
        return units;
    }

    /** True when the actor sees cases by where they are rather than only by the units it acts for. */
    public static boolean seesByPlace(Actor actor) {
        return actor.isSystem()
                || actor.roles().stream()
                        .anyMatch(r -> r == Role.OPERATOR
                                || r == Role.LEADER
                                || r == Role.SYSTEM_ADMIN
                                || r == Role.TOWN_HANDLER
                                || r == Role.COMMUNITY_HANDLER
                                || r == Role.GRID_WORKER);
    }
}
