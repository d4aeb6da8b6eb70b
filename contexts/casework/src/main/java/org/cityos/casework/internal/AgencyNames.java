package org.cityos.casework.internal;

import java.util.Optional;
import org.cityos.casework.UnitKind;
import org.cityos.casework.UnitRef;
import org.cityos.identity.Departments;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Divisions;

/**
 * The public name of the unit holding a case (Open311's {@code agency_responsible}): a department's or a place's
 * name. A case held by a person names nobody: handlers are not published.
 */
public final class AgencyNames {
    private static final Actor DESK = Actor.system("open311");

    private final Departments departments;
    private final Divisions divisions;

    public AgencyNames(Departments departments, Divisions divisions) {
        this.departments = departments;
        this.divisions = divisions;
    }

    public Optional<String> of(String unit) {
        Optional<UnitRef> ref = UnitRef.parse(unit);
        if (ref.isEmpty() || ref.get().kind() == UnitKind.HANDLER) {
            return Optional.empty();
        }
        UnitRef u = ref.get();
        if (u.kind() == UnitKind.DEPARTMENT) {
            DepartmentCode code = DepartmentCode.of(u.code());
            return departments.exists(code)
                    ? Optional.of(departments.get(DESK, code).name())
                    : Optional.empty();
        }
        return u.divisionCode().flatMap(this::division);
    }

    private Optional<String> division(DivisionCode code) {
        return divisions.find(code).map(d -> d.name());
    }
}
