package org.cityos.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.identity.IdentityProblems.DepartmentExists;
import org.cityos.identity.IdentityProblems.StaleVersion;
import org.cityos.identity.IdentityProblems.UnknownDepartment;
import org.cityos.identity.internal.UserRules;
import org.cityos.identity.persistence.DepartmentRepository;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The district's departments (委办局) and what each is responsible for; editable by data stewards. */
@Service
public class Departments {
    private final DepartmentRepository departments;
    private final AuditTrail audit;
    private final Clock clock;

    Departments(DepartmentRepository departments, AuditTrail audit, Clock clock) {
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Department> list(Actor actor) {
        actor.require(Permission.DEPARTMENT_READ);
        return departments.all();
    }

    public Department get(Actor actor, DepartmentCode code) {
        actor.require(Permission.DEPARTMENT_READ);
        return departments.find(code).orElseThrow(() -> new UnknownDepartment(code));
    }

    public boolean exists(DepartmentCode code) {
        return departments.find(code).isPresent();
    }

    @Transactional
    public Department create(Actor actor, Department d) {
        actor.require(Permission.DEPARTMENT_WRITE);
        check(d);
        if (departments.find(d.code()).isPresent()
                || departments.nameTaken(d.name().strip(), d.code())) {
            throw new DepartmentExists(d.code().value());
        }
        Department clean = clean(d, 0);
        departments.insert(clean, clock.instant());
        audit.record(actor, "identity.department.create", "department", d.code().value(), Map.of("name", clean.name()));
        return clean;
    }

    @Transactional
    public Department change(Actor actor, Department d, int expectedVersion) {
        actor.require(Permission.DEPARTMENT_WRITE);
        Department current = departments.find(d.code()).orElseThrow(() -> new UnknownDepartment(d.code()));
        check(d);
        if (departments.nameTaken(d.name().strip(), d.code())) {
            throw new DepartmentExists(d.name());
        }
        if (!departments.update(clean(d, expectedVersion), expectedVersion, clock.instant())) {
            throw new StaleVersion("department", d.code());
        }
        audit.record(
                actor,
                "identity.department.change",
                "department",
                d.code().value(),
                Map.of("from", current.name(), "to", d.name().strip(), "active", d.active()));
        return departments.find(d.code()).orElseThrow();
    }

    private static void check(Department d) {
        List<FieldIssue> issues = new ArrayList<>();
        issues.addAll(UserRules.checkDetails(d.name(), null, null).stream()
                .map(i -> new FieldIssue("name", i.messageKey(), i.args()))
                .toList());
        issues.addAll(UserRules.checkDetails(d.shortName(), null, null).stream()
                .map(i -> new FieldIssue("shortName", i.messageKey(), i.args()))
                .toList());
        if (d.responsibilities() != null && d.responsibilities().length() > 2000) {
            issues.add(new FieldIssue("responsibilities", "validation.too-long", 2000));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
    }

    private static Department clean(Department d, int version) {
        return new Department(
                d.code(),
                d.name().strip(),
                d.shortName().strip(),
                d.responsibilities() == null ? "" : d.responsibilities().strip(),
                d.active(),
                version);
    }
}
