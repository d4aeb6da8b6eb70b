package org.cityos.kernel.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.AccessDenied;

/**
 * The one acting: roles say what it may do, division scopes (code prefixes) and department scopes
 * say where. An actor with no division scope covers no division; one with no department scope
 * covers no department.
 */
public record Actor(
        String id,
        ActorKind kind,
        String name,
        Set<Role> roles,
        List<DivisionCode> divisions,
        Set<DepartmentCode> departments,
        boolean allDepartments) {

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        divisions = List.copyOf(divisions);
        departments = Set.copyOf(departments);
    }

    /** CityOS acting by itself (schedulers, seeding): every permission, no scope limits. */
    public static Actor system(String name) {
        return new Actor(
                "system:" + name, ActorKind.SYSTEM, name, Set.of(Role.SYSTEM_ADMIN), List.of(), Set.of(), true);
    }

    public boolean isSystem() {
        return kind == ActorKind.SYSTEM;
    }

    public boolean has(Permission permission) {
        for (Role role : roles) {
            if (role.permissions().contains(permission)) {
                return true;
            }
        }
        return false;
    }

    public boolean covers(DivisionCode division) {
        if (isSystem()) {
            return true;
        }
        for (DivisionCode scope : divisions) {
            if (scope.contains(division)) {
                return true;
            }
        }
        return false;
    }

    public boolean coversDepartment(DepartmentCode department) {
        return isSystem() || allDepartments || departments.contains(department);
    }

    public void require(Permission permission) {
        if (!has(permission)) {
            throw new AccessDenied("problem.missing-permission", permission.name());
        }
    }

    public void requireDivision(DivisionCode division) {
        if (!covers(division)) {
            throw new AccessDenied("problem.division-out-of-scope", division.value());
        }
    }

    public void requireDepartment(DepartmentCode department) {
        if (!coversDepartment(department)) {
            throw new AccessDenied("problem.department-out-of-scope", department.value());
        }
    }
}
