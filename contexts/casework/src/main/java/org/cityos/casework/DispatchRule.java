package org.cityos.casework;

import java.util.List;

/**
 * Who answers for a category in a division (category × division → unit): the most specific category prefix, then
 * the most specific division prefix wins; an empty division prefix is the district fallback. Automatic rules
 * dispatch at intake; the others only suggest the unit to the operator.
 */
public record DispatchRule(
        long id,
        String categoryPrefix,
        String divisionPrefix,
        UnitRef unit,
        List<UnitRef> coUnits,
        boolean automatic,
        int version) {}
