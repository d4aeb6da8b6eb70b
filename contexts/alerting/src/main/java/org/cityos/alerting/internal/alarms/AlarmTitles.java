package org.cityos.alerting.internal.alarms;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.alerting.Rule;
import org.cityos.alerting.internal.engine.Finding;

/** An alarm's title from the rule's template: {@code {name}} takes the finding's value, numbers rounded sensibly. */
final class AlarmTitles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private AlarmTitles() {}

    static String render(Rule rule, Finding f) {
        String template = rule.draft().title();
        if (template == null || template.isBlank()) {
            return rule.name() + " · " + f.subject();
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object v = "subject".equals(name) ? f.subject() : f.values().get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "?" : format(v)));
        }
        m.appendTail(out);
        String title = out.toString();
        return title.length() > 300 ? title.substring(0, 300) : title;
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e12) {
                return Long.toString(d.longValue());
            }
            return new java.math.BigDecimal(d)
                    .round(new java.math.MathContext(4))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(v);
    }
}
