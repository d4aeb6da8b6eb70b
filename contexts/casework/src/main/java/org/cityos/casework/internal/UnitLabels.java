package org.cityos.casework.internal;

import java.util.Optional;
import org.cityos.casework.Categories;
import org.cityos.casework.Category;
import org.cityos.casework.RateDimension;
import org.cityos.casework.UnitRef;
import org.cityos.identity.Department;
import org.cityos.identity.Departments;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.spatial.Division;
import org.cityos.spatial.Divisions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Human names for the keys of a league table, asked of identity (departments) and spatial (divisions) once per row;
 * categories by their names; a key nobody knows keeps no label.
 */
public final class UnitLabels {
    private static final Actor READER = Actor.system("casework-rates");

    private final ObjectProvider<Departments> departments;
    private final ObjectProvider<Divisions> divisions;
    private final ObjectProvider<Categories> categories;

    public UnitLabels(
            ObjectProvider<Departments> departments,
            ObjectProvider<Divisions> divisions,
            ObjectProvider<Categories> categories) {
        this.departments = departments;
        this.divisions = divisions;
        this.categories = categories;
    }

    public String label(RateDimension dimension, String key) {
        if (key == null) {
            return null;
        }
        return switch (dimension) {
            case UNIT -> UnitRef.parse(key).flatMap(this::unit).orElse(null);
            case TOWN -> division(key).orElse(null);
            case CATEGORY -> category(key).orElse(null);
        };
    }

    private Optional<String> unit(UnitRef unit) {
        return switch (unit.kind()) {
            case DEPARTMENT -> department(unit.code());
            case CENTRE, TOWN, COMMUNITY, GRID -> division(unit.code());
            case HANDLER -> Optional.empty();
        };
    }

    private Optional<String> department(String code) {
        Departments known = departments.getIfAvailable();
        if (known == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(known.get(READER, DepartmentCode.of(code))).map(Department::name);
        } catch (DomainProblem | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> category(String code) {
        Categories known = categories.getIfAvailable();
        return known == null ? Optional.empty() : known.find(code).map(Category::name);
    }

    private Optional<String> division(String code) {
        Divisions known = divisions.getIfAvailable();
        if (known == null || !DivisionCode.isValid(code)) {
            return Optional.empty();
        }
        return known.find(DivisionCode.of(code)).map(Division::name);
    }
}
