package org.cityos.identity.web;

import java.util.List;
import org.cityos.identity.Department;
import org.cityos.identity.Departments;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Departments (委办局) over HTTP. */
@RestController
@RequestMapping("/api/departments")
public class DepartmentController {
    private final Departments departments;

    public DepartmentController(Departments departments) {
        this.departments = departments;
    }

    /** Body of a create or change. */
    public record DepartmentRequest(
            String code, String name, String shortName, String responsibilities, Boolean active, Integer version) {}

    /** A department as the API shows it: codes as plain strings. */
    public record DepartmentView(
            String code, String name, String shortName, String responsibilities, boolean active, int version) {
        static DepartmentView of(Department d) {
            return new DepartmentView(
                    d.code().value(), d.name(), d.shortName(), d.responsibilities(), d.active(), d.version());
        }
    }

    @GetMapping
    public List<DepartmentView> list(Actor actor) {
        return departments.list(actor).stream().map(DepartmentView::of).toList();
    }

    @GetMapping("/{code}")
    public DepartmentView get(Actor actor, @PathVariable String code) {
        return DepartmentView.of(departments.get(actor, DepartmentCode.of(code)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DepartmentView create(Actor actor, @RequestBody DepartmentRequest r) {
        if (r.code() == null) {
            throw InvalidInput.of("code", "validation.required");
        }
        return DepartmentView.of(departments.create(
                actor,
                new Department(
                        DepartmentCode.of(r.code()),
                        r.name(),
                        r.shortName(),
                        r.responsibilities(),
                        !Boolean.FALSE.equals(r.active()),
                        0)));
    }

    @PutMapping("/{code}")
    public DepartmentView change(Actor actor, @PathVariable String code, @RequestBody DepartmentRequest r) {
        if (r.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        return DepartmentView.of(departments.change(
                actor,
                new Department(
                        DepartmentCode.of(code),
                        r.name(),
                        r.shortName(),
                        r.responsibilities(),
                        !Boolean.FALSE.equals(r.active()),
                        r.version()),
                r.version()));
    }
}
