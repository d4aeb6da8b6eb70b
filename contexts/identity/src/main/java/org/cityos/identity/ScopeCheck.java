package org.cityos.identity;

import java.util.ArrayList;
import java.util.List;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Divisions;
import org.springframework.stereotype.Component;

/** Checks a scope before it is granted: roles given, places and units known, nothing beyond the granter's own. */
@Component
class ScopeCheck {
    private final Divisions divisions;
    private final DepartmentRepository departments;

    ScopeCheck(Divisions divisions, DepartmentRepository departments) {
        this.divisions = divisions;
        this.departments = departments;
    }

    List<FieldIssue> issues(Scope scope) {
        List<FieldIssue> issues = new ArrayList<>();
        if (scope.roles().isEmpty()) {
            issues.add(new FieldIssue("roles", "validation.required"));
        }
        for (int i = 0; i < scope.divisions().size(); i++) {
            DivisionCode code = scope.divisions().get(i);
            if (!divisions.exists(code)) {
                issues.add(new FieldIssue("divisions[" + i + "]", "problem.unknown-division", code.value()));
            }
        }
        for (String missing : departments.missing(scope.departments())) {
            issues.add(new FieldIssue("departments", "problem.unknown-department", missing));
        }
        return issues;
    }

    void requireGrantable(Actor actor, Scope scope) {
        if (!scope.grantableBy(actor)) {
            throw new IdentityProblems.ScopeNotGrantable();
        }
    }
}
