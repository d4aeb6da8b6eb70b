package org.cityos.identity.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cityos.identity.Scope;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Role;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/** Roles and scope as a request names them; turned into a {@link Scope} or a list of field errors. */
public record ScopeRequest(
        List<String> roles, List<String> divisions, List<String> departments, Boolean allDepartments) {

    Scope toScope() {
        List<FieldIssue> issues = new ArrayList<>();
        Set<Role> parsedRoles = new HashSet<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                parsedRoles.add(Role.valueOf(String.valueOf(role).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                issues.add(new FieldIssue("roles", "problem.unknown-role", role));
            }
        }
        List<DivisionCode> parsedDivisions = new ArrayList<>();
        List<String> given = divisions == null ? List.of() : divisions;
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (code != null && DivisionCode.isValid(code)) {
                parsedDivisions.add(DivisionCode.of(code));
            } else {
                issues.add(new FieldIssue("divisions[" + i + "]", "problem.invalid-division-code", code));
            }
        }
        Set<DepartmentCode> parsedDepartments = new HashSet<>();
        for (String code : departments == null ? List.<String>of() : departments) {
            try {
                parsedDepartments.add(DepartmentCode.of(code));
            } catch (RuntimeException e) {
                issues.add(new FieldIssue("departments", "problem.invalid-department-code", code));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new Scope(parsedRoles, parsedDivisions, parsedDepartments, Boolean.TRUE.equals(allDepartments));
    }

    static ScopeRequest of(Scope scope) {
        return new ScopeRequest(
                scope.roles().stream().map(Enum::name).sorted().toList(),
                scope.divisions().stream().map(DivisionCode::value).toList(),
                scope.departments().stream().map(DepartmentCode::value).sorted().toList(),
                scope.allDepartments());
    }
}
