package org.cityos.casework.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.cityos.kernel.problem.FieldIssue;

/**
 * Free text of cases: trimmed, bounded, and refused when it carries markup or script (a tag, a {@code javascript:}
 * link, an event handler) — stored text is plain, and every view escapes it anyway.
 */
public final class TextRules {
    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*/?\\s*[a-zA-Z!][^>]*>|javascript\\s*:|\\bon[a-z]+\\s*=|<\\s*script", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private TextRules() {}

    /** Adds an issue for {@code field} when the text is missing (if required), too long, or carries markup. */
    public static void check(List<FieldIssue> issues, String field, String text, boolean required, int max) {
        if (text == null || text.isBlank()) {
            if (required) {
                issues.add(new FieldIssue(field, "validation.required"));
            }
            return;
        }
        if (text.strip().length() > max) {
            issues.add(new FieldIssue(field, "validation.too-long", max));
        }
        if (MARKUP.matcher(text).find()) {
            issues.add(new FieldIssue(field, "problem.case-markup-refused"));
        }
        if (CONTROL.matcher(text).find()) {
            issues.add(new FieldIssue(field, "problem.case-control-characters"));
        }
    }

    public static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
