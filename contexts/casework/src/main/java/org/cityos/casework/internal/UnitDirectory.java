package org.cityos.casework.internal;

import java.util.function.Predicate;
import org.cityos.casework.UnitKind;
import org.cityos.casework.UnitRef;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;

/** Whether a unit exists: a known department, a known division of the unit's level, the district's centre. */
public final class UnitDirectory {
    private final Predicate<DepartmentCode> departments;
    private final Predicate<DivisionCode> divisions;
    private final DivisionCode district;

    public UnitDirectory(
            Predicate<DepartmentCode> departments, Predicate<DivisionCode> divisions, DivisionCode district) {
        this.departments = departments;
        this.divisions = divisions;
        this.district = district;
    }

    public boolean exists(UnitRef unit) {
        return switch (unit.kind()) {
            case CENTRE -> unit.code().equals(district.value());
            case DEPARTMENT ->
                unit.code().matches("[a-z][a-z0-9-]{1,39}") && departments.test(DepartmentCode.of(unit.code()));
            case HANDLER -> unit.code().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            case TOWN, COMMUNITY, GRID -> territorial(unit);
        };
    }

    /** True when {@code lower} may receive a case passed down by {@code holder}: deeper, and inside it if both are places. */
    public static boolean below(UnitRef holder, UnitRef lower) {
        if (lower.kind().level() <= holder.kind().level()) {
            return false;
        }
        if (holder.kind() == UnitKind.DEPARTMENT) {
            return lower.kind() == UnitKind.HANDLER;
        }
        if (lower.kind() == UnitKind.HANDLER) {
            return true;
        }
        return holder.divisionCode()
                .flatMap(h -> lower.divisionCode().map(h::contains))
                .orElse(false);
    }

    private boolean territorial(UnitRef unit) {
        if (!DivisionCode.isValid(unit.code())) {
            return false;
        }
        DivisionCode code = DivisionCode.of(unit.code());
        DivisionLevel wanted = switch (unit.kind()) {
            case TOWN -> DivisionLevel.TOWN;
            case COMMUNITY -> DivisionLevel.COMMUNITY;
            default -> DivisionLevel.GRID;
        };
        return code.level() == wanted && district.contains(code) && divisions.test(code);
    }
}
