package org.cityos.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.catalog.Sharing.DecisionContent;
import org.cityos.catalog.persistence.StoredShare;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * What a sharing request and a decision must meet: fields that are data items of the resource, periods in order,
 * a reason to narrow or refuse, and a narrowed grant that really is narrower and stays within what was asked.
 */
final class ShareRules {
    private ShareRules() {}

    /** The decision's content, or a 400 naming what is wrong with it. */
    static DecisionContent decision(StoredShare share, ShareDecision decision) {
        if (decision.outcome() == null || decision.outcome() == ShareStatus.REQUESTED) {
            throw InvalidInput.of("outcome", "catalog.validation.outcome");
        }
        List<String> asked = List.of(share.fields().split(","));
        if (decision.outcome() == ShareStatus.APPROVED) {
            return content(share, ShareStatus.APPROVED, asked, share.periodFrom(), share.periodTo());
        }
        if (EntryRules.blank(decision.reason())) {
            throw InvalidInput.of("reason", "catalog.validation.required");
        }
        if (decision.outcome() == ShareStatus.REFUSED) {
            return content(share, ShareStatus.REFUSED, List.of(), null, null);
        }
        List<FieldIssue> issues = new ArrayList<>();
        List<String> granted = decision.fields() == null ? asked : decision.fields();
        if (granted.isEmpty()) {
            issues.add(new FieldIssue("fields", "catalog.validation.required"));
        }
        for (int i = 0; i < granted.size(); i++) {
            if (!asked.contains(granted.get(i))) {
                issues.add(new FieldIssue("fields[" + i + "]", "catalog.validation.not-asked", granted.get(i)));
            }
        }
        LocalDate from =
                decision.periodFrom() == null ? share.periodFrom() : date(decision.periodFrom(), "periodFrom", issues);
        LocalDate to = decision.periodTo() == null ? share.periodTo() : date(decision.periodTo(), "periodTo", issues);
        if (from != null && (from.isBefore(share.periodFrom()) || from.isAfter(share.periodTo()))) {
            issues.add(new FieldIssue("periodFrom", "catalog.validation.within-period"));
        }
        if (to != null && (to.isAfter(share.periodTo()) || (from != null && to.isBefore(from)))) {
            issues.add(new FieldIssue("periodTo", "catalog.validation.within-period"));
        }
        if (issues.isEmpty()
                && Set.copyOf(granted).equals(Set.copyOf(asked))
                && from.equals(share.periodFrom())
                && to.equals(share.periodTo())) {
            issues.add(new FieldIssue("fields", "catalog.validation.not-narrower"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return content(share, ShareStatus.NARROWED, List.copyOf(granted), from, to);
    }

    private static DecisionContent content(
            StoredShare s, ShareStatus outcome, List<String> fields, LocalDate from, LocalDate to) {
        return new DecisionContent(s.id(), s.resourceCode(), s.requestingDepartment(), outcome, fields, from, to);
    }

    /** The fields asked for, each a data item of the resource, without repeats. */
    static List<String> fields(List<String> asked, EntryContent resource, List<FieldIssue> issues) {
        if (asked == null || asked.isEmpty()) {
            issues.add(new FieldIssue("fields", "catalog.validation.required"));
            return List.of();
        }
        Set<String> known = new HashSet<>();
        resource.items().forEach(i -> known.add(i.name()));
        Set<String> seen = new HashSet<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String f = asked.get(i) == null ? "" : asked.get(i).strip();
            if (!known.contains(f)) {
                issues.add(new FieldIssue("fields[" + i + "]", "catalog.validation.unknown-field", f));
            } else if (seen.add(f)) {
                fields.add(f);
            }
        }
        return fields;
    }

    static LocalDate date(String value, String field, List<FieldIssue> issues) {
        if (EntryRules.blank(value)) {
            issues.add(new FieldIssue(field, "catalog.validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            issues.add(new FieldIssue(field, "catalog.validation.date"));
            return null;
        }
    }
}
