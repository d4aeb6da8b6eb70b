package org.cityos.casework.internal;

import java.util.List;
import org.cityos.casework.UnitKind;
import org.cityos.casework.UnitRef;
import org.cityos.casework.persistence.ScopeFilter;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;

/**
 * What a reader of rates, hot spots and reports may count: the district's operators and leaders the cases in their
 * divisions (and, at district level, those without a place), a town or community its own divisions, a department
 * only the cases its unit answers for. The centre's own unit is left out: it holds cases before dispatch, and would
 * otherwise let a town-scoped dispatcher count the whole district.
 */
public final class ReportScope {
    private ReportScope() {}

    public static ScopeFilter of(Actor actor, DivisionCode district) {
        if (actor.isSystem()) {
            return ScopeFilter.everything();
        }
        boolean byPlace = ActingUnits.seesByPlace(actor);
        List<String> prefixes =
                byPlace ? actor.divisions().stream().map(DivisionCode::prefix).toList() : List.of();
        List<String> units = ActingUnits.of(actor, district).stream()
                .filter(u -> u.kind() != UnitKind.CENTRE)
                .map(UnitRef::toString)
                .toList();
        // As CaseAccess: a case without a place belongs to the district, seen from district level up.
        boolean unplaced =
                byPlace && actor.divisions().stream().anyMatch(d -> d.level().ordinal() <= 2);
        return new ScopeFilter(false, prefixes, units, unplaced);
    }
}
