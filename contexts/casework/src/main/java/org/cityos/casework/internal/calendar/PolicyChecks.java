package org.cityos.casework.internal.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cityos.casework.DeadlinePolicy;
import org.cityos.casework.DeadlinePolicyDraft;
import org.cityos.casework.TimeLimit;
import org.cityos.casework.Urgency;
import org.cityos.casework.WarnBefore;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/** The rules for a deadline policy as written: every faulty field reported at once, with what would be right. */
public final class PolicyChecks {
    /** Category codes are dotted or dashed codes; a prefix is the start of one, or "" for all. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");

    private PolicyChecks() {}

    /** The policy the draft describes, or an {@link InvalidInput} naming every faulty field. */
    public static DeadlinePolicy policy(
            String categoryPrefix, Urgency urgency, DeadlinePolicyDraft draft, int version) {
        List<FieldIssue> issues = new ArrayList<>();
        if (!validPrefix(categoryPrefix)) {
            issues.add(new FieldIssue("categoryPrefix", "casework.policy.category-prefix", categoryPrefix));
        }
        TimeLimit response = limit("response", draft == null ? null : draft.response(), issues);
        TimeLimit resolution = limit("resolution", draft == null ? null : draft.resolution(), issues);
        WarnBefore warn = WarnBefore.DEFAULT;
        String warnText = draft == null ? null : draft.warnBefore();
        if (warnText != null && !warnText.isBlank()) {
            warn = WarnBefore.parse(warnText).orElse(null);
            if (warn == null) {
                issues.add(new FieldIssue("warnBefore", "casework.policy.warn-before", warnText));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new DeadlinePolicy(categoryPrefix, urgency, response, resolution, warn, version);
    }

    public static boolean validPrefix(String prefix) {
        return prefix != null && (prefix.isEmpty() || PREFIX.matcher(prefix).matches());
    }

    private static TimeLimit limit(String field, String text, List<FieldIssue> issues) {
        if (text == null || text.isBlank()) {
            issues.add(new FieldIssue(field, "validation.required"));
            return null;
        }
        var limit = TimeLimit.parse(text);
        if (limit.isPresent()) {
            return limit.get();
        }
        var unit = TimeLimit.writtenUnit(text);
        if (unit.isPresent()) {
            issues.add(new FieldIssue(
                    field,
                    "casework.time-limit.range",
                    String.valueOf(unit.get().max()),
                    unit.get().symbol()));
        } else {
            issues.add(new FieldIssue(field, "casework.time-limit.format", text));
        }
        return null;
    }
}
