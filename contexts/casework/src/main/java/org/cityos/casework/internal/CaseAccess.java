package org.cityos.casework.internal;

import java.util.List;
import java.util.Set;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.AssignmentRow;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;

/**
 * Who sees a case: units the cases they hold or held, towns, communities, grids, leaders and the centre the cases in
 * their divisions, a reporter the cases it reported. Everyone else gets "not found", so nothing leaks.
 */
public final class CaseAccess {
    private CaseAccess() {}

    public static boolean sees(Actor actor, Set<UnitRef> units, CaseRow row, List<AssignmentRow> assignments) {
        if (actor.isSystem() || actor.id().equals(row.reportedBy)) {
            return true;
        }
        if (ActingUnits.seesByPlace(actor)
                && row.divisionCode != null
                && actor.covers(DivisionCode.of(row.divisionCode))) {
            return true;
        }
        if (ActingUnits.seesByPlace(actor)
                && row.divisionCode == null
                && !actor.divisions().isEmpty()) {
            // A case without a place (a phone consultation) belongs to the district: the centre and leaders see it.
            return actor.divisions().stream().anyMatch(d -> d.level().ordinal() <= 2);
        }
        return assignments.stream()
                .anyMatch(a -> units.stream().anyMatch(u -> u.toString().equals(a.unit)));
    }
}
