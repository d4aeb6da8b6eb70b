package org.cityos.casework.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cases a report may count: all of them, those in divisions under the given prefixes, those whose main unit
 * is one of the given units, and (with {@code unplaced}) those without a division, which belong to the district.
 */
public record ScopeFilter(boolean all, List<String> divisionPrefixes, List<String> units, boolean unplaced) {

    public ScopeFilter {
        divisionPrefixes = List.copyOf(divisionPrefixes);
        units = List.copyOf(units);
    }

    public static ScopeFilter everything() {
        return new ScopeFilter(true, List.of(), List.of(), true);
    }

    /** The condition on {@code column} (a division code) and {@code unitColumn} (null where units do not apply). */
    String sql(String divisionColumn, String unitColumn, List<Object> params) {
        if (all) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        for (String prefix : divisionPrefixes) {
            any.add(divisionColumn + " LIKE ?");
            params.add(prefix + "%");
        }
        if (unitColumn != null && !units.isEmpty()) {
            any.add(unitColumn + " = ANY (?)");
            params.add(units.toArray(String[]::new));
        }
        if (unplaced) {
            any.add(divisionColumn + " IS NULL");
        }
        return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
    }
}
