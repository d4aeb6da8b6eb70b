package org.cityos.catalog;

import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The grant's terms beyond fields and period: a row filter (a data item equal to one of a few values — a choice
 * from a list, never an expression, so no user text reaches SQL as SQL), the daily quota and the rate limit.
 */
record ShareTerms(String rowColumn, List<String> rowValues, int callsPerDay, int callsPerSecond) {
    static final int DEFAULT_PER_DAY = 10_000;
    static final int DEFAULT_PER_SECOND = 50;
    static final int MAX_PER_DAY = 10_000_000;
    static final int MAX_PER_SECOND = 5_000;
    static final int MAX_VALUES = 100;

    /** The terms of the decision, or a 400 naming each field that is wrong. */
    static ShareTerms of(ShareDecision d, List<String> granted) {
        List<FieldIssue> issues = new ArrayList<>();
        String column = EntryRules.blank(d.rowColumn()) ? null : d.rowColumn().strip();
        List<String> values = null;
        if (column != null) {
            if (!granted.contains(column)) {
                issues.add(new FieldIssue("rowColumn", "catalog.validation.row-column", column));
            }
            if (d.rowValues() == null
                    || d.rowValues().isEmpty()
                    || d.rowValues().size() > MAX_VALUES
                    || d.rowValues().stream().anyMatch(EntryRules::blank)) {
                issues.add(new FieldIssue("rowValues", "catalog.validation.row-values", MAX_VALUES));
            } else {
                values = d.rowValues().stream().map(String::strip).distinct().toList();
            }
        } else if (d.rowValues() != null && !d.rowValues().isEmpty()) {
            issues.add(new FieldIssue("rowColumn", "catalog.validation.required"));
        }
        int perDay = d.callsPerDay() == null ? DEFAULT_PER_DAY : d.callsPerDay();
        int perSecond = d.callsPerSecond() == null ? DEFAULT_PER_SECOND : d.callsPerSecond();
        if (perDay < 1 || perDay > MAX_PER_DAY) {
            issues.add(new FieldIssue("callsPerDay", "catalog.validation.range", 1, MAX_PER_DAY));
        }
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            issues.add(new FieldIssue("callsPerSecond", "catalog.validation.range", 1, MAX_PER_SECOND));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new ShareTerms(column, values, perDay, perSecond);
    }
}
