package org.cityos.alerting.internal.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cityos.alerting.ChannelDraft;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.RuleId;
import org.cityos.kernel.problem.FieldIssue;

/** The field rules of a channel draft that need no database: addresses, numbers, lists, filters. */
public final class ChannelRules {
    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2000;
    public static final int MAX_ENTRIES = 50;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;

    // Mainland mobile numbers are 11 digits starting 13–19; anything else must carry its country code.
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    // Deliberately plain: one @, a dotted domain, no spaces or angle brackets (which would inject headers).
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern DIVISION_PREFIX = Pattern.compile("\\d{2,15}");

    private ChannelRules() {}

    /** Every issue of the draft; {@code gateways} are the configured SMS gateway names. */
    public static List<FieldIssue> check(ChannelDraft d, Set<String> gateways) {
        List<FieldIssue> issues = new ArrayList<>();
        name(issues, d.name());
        if (d.kind() == null) {
            issues.add(new FieldIssue("kind", "validation.required"));
        } else if (d.kind() == ChannelKind.WEBHOOK) {
            webhook(issues, d);
        } else if (d.kind() == ChannelKind.EMAIL) {
            list(
                    issues,
                    "recipients",
                    d.recipients(),
                    v -> EMAIL.matcher(v).matches() && v.length() <= 254,
                    "notify.email");
        } else {
            list(issues, "phones", d.phones(), ChannelRules::isPhone, "notify.phone");
            gateway(issues, d.gateway(), gateways);
        }
        if (d.ruleIds().size() > MAX_ENTRIES) {
            issues.add(new FieldIssue("ruleIds", "notify.too-many", MAX_ENTRIES));
        }
        for (String rule : d.ruleIds()) {
            if (RuleId.parse(rule).isEmpty()) {
                issues.add(new FieldIssue("ruleIds", "notify.rule-id", String.valueOf(rule)));
                break;
            }
        }
        if (d.divisionPrefixes().size() > MAX_ENTRIES) {
            issues.add(new FieldIssue("divisionPrefixes", "notify.too-many", MAX_ENTRIES));
        }
        for (String prefix : d.divisionPrefixes()) {
            if (prefix == null || !DIVISION_PREFIX.matcher(prefix.strip()).matches()) {
                issues.add(new FieldIssue("divisionPrefixes", "notify.division-prefix", String.valueOf(prefix)));
                break;
            }
        }
        return issues;
    }

    public static boolean isPhone(String phone) {
        return phone != null
                && (CN_MOBILE.matcher(phone).matches() || E164.matcher(phone).matches());
    }

    /** The address as stored: stripped, with spaces and dashes people type inside numbers removed. */
    public static String cleanPhone(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s-]", "");
    }

    public static String cleanEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a URL is acceptable for a webhook; the key of the problem, or null. */
    static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "validation.required";
        }
        if (url.strip().length() > MAX_URL) {
            return "validation.too-long";
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && uri.getRawFragment() == null;
            return ok ? null : "notify.url";
        } catch (URISyntaxException e) {
            return "notify.url";
        }
    }

    private static void webhook(List<FieldIssue> issues, ChannelDraft d) {
        String problem = urlProblem(d.url());
        if (problem != null) {
            issues.add(new FieldIssue("url", problem, MAX_URL));
        }
        // A blank secret on a change keeps the stored one; the facade asks for it on a create.
        if (d.secret() != null && !d.secret().isBlank() && !Masks.isMaskedSecret(d.secret())) {
            int length = d.secret().strip().length();
            if (length < MIN_SECRET || length > MAX_SECRET || !plain(d.secret())) {
                issues.add(new FieldIssue("secret", "notify.secret", MIN_SECRET, MAX_SECRET));
            }
        }
    }

    private static void gateway(List<FieldIssue> issues, String gateway, Set<String> gateways) {
        if (gateway == null || gateway.isBlank()) {
            if (gateways.size() > 1) {
                issues.add(new FieldIssue("gateway", "notify.gateway-required", String.join(", ", gateways)));
            }
        } else if (!gateways.contains(gateway.strip())) {
            issues.add(new FieldIssue("gateway", "notify.unknown-gateway", gateway, String.join(", ", gateways)));
        }
    }

    private static void list(
            List<FieldIssue> issues,
            String field,
            List<String> values,
            java.util.function.Predicate<String> valid,
            String key) {
        if (values.isEmpty()) {
            issues.add(new FieldIssue(field, "validation.required"));
            return;
        }
        if (values.size() > MAX_ENTRIES) {
            issues.add(new FieldIssue(field, "notify.too-many", MAX_ENTRIES));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String raw : values) {
            String v = field.equals("phones") ? cleanPhone(raw) : cleanEmail(raw);
            // A masked phone number stands for the stored one it masks; the facade resolves it.
            if (field.equals("phones") && Masks.isMaskedPhone(v)) {
                continue;
            }
            if (v == null || !valid.test(v)) {
                issues.add(new FieldIssue(field, key, String.valueOf(raw)));
                return;
            }
            if (!seen.add(v)) {
                issues.add(new FieldIssue(field, "notify.repeated", raw));
                return;
            }
        }
    }

    private static void name(List<FieldIssue> issues, String name) {
        if (name == null || name.isBlank()) {
            issues.add(new FieldIssue("name", "validation.required"));
        } else if (name.strip().length() > MAX_NAME) {
            issues.add(new FieldIssue("name", "validation.too-long", MAX_NAME));
        } else if (!plain(name)) {
            issues.add(new FieldIssue("name", "notify.text-characters"));
        }
    }

    /** No control characters or angle brackets: names end up in e-mail subjects and in HTML. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }
}
