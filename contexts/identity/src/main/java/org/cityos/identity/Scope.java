package org.cityos.identity;

import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Role;

/** Roles and where they apply: division subtrees (by code prefix) and departments. */
public record Scope(
        Set<Role> roles, List<DivisionCode> divisions, Set<DepartmentCode> departments, boolean allDepartments) {
    public Scope {
        roles = Set.copyOf(roles);
        divisions = List.copyOf(divisions);
        departments = Set.copyOf(departments);
    }

    /** True when {@code actor} may hand out this scope: it holds every permission and covers every place in it. */
    public boolean grantableBy(Actor actor) {
        boolean permissions =
                roles.stream().flatMap(r -> r.permissions().stream()).allMatch(actor::has);
        boolean places = divisions.stream().allMatch(actor::covers);
        boolean units = allDepartments
                ? actor.allDepartments() || actor.isSystem()
                : departments.stream().allMatch(actor::coversDepartment);
        return permissions && places && units;
    }

    /** True when any place or unit of this scope lies within {@code actor}'s scope. */
    public boolean visibleTo(Actor actor) {
        return actor.isSystem()
                || divisions.stream().anyMatch(actor::covers)
                || departments.stream().anyMatch(actor::coversDepartment)
                || (allDepartments && actor.allDepartments());
    }
}
