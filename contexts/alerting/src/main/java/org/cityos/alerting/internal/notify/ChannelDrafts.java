package org.cityos.alerting.internal.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cityos.alerting.Channel;
import org.cityos.alerting.ChannelDraft;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.Severity;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Turns a draft into the channel to store: checks every field at once, keeps only the fields of its kind, fills
 * defaults, and on a change resolves what the caller could only see masked (secret, phone numbers).
 */
public final class ChannelDrafts {
    private ChannelDrafts() {}

    /**
     * @param current the stored channel on a change, null on a create
     * @param gateways configured SMS gateway names; {@code soleGateway} is used when the draft names none
     */
    public static Channel build(
            Actor actor,
            UUID id,
            ChannelDraft d,
            Channel current,
            Set<String> gateways,
            String soleGateway,
            Instant now) {
        List<FieldIssue> issues = new ArrayList<>(ChannelRules.check(d, gateways));
        String secret = null;
        List<String> phones = List.of();
        if (d.kind() == ChannelKind.WEBHOOK) {
            secret = secret(d.secret(), current, issues);
        } else if (d.kind() == ChannelKind.SMS) {
            phones = phones(d.phones(), current, issues);
        }
        List<String> prefixes = d.divisionPrefixes().stream()
                .filter(p -> p != null)
                .map(String::strip)
                .distinct()
                .toList();
        if (prefixes.isEmpty()) {
            prefixes = ChannelScope.defaults(actor);
            if (prefixes.isEmpty() && !actor.isSystem()) {
                issues.add(new FieldIssue("divisionPrefixes", "validation.required"));
            }
        }
        for (String p : prefixes) {
            if (!ChannelScope.within(actor, p)) {
                issues.add(new FieldIssue("divisionPrefixes", "notify.division-out-of-scope", p));
                break;
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        Set<Channel.AlarmChange> events =
                d.events().isEmpty() ? EnumSet.allOf(Channel.AlarmChange.class) : EnumSet.copyOf(d.events());
        String gateway = d.kind() != ChannelKind.SMS
                ? null
                : d.gateway() == null || d.gateway().isBlank()
                        ? soleGateway
                        : d.gateway().strip();
        return new Channel(
                id,
                d.name().strip(),
                d.kind(),
                d.kind() == ChannelKind.WEBHOOK ? d.url().strip() : null,
                secret,
                d.kind() == ChannelKind.EMAIL
                        ? d.recipients().stream().map(ChannelRules::cleanEmail).toList()
                        : List.of(),
                phones,
                gateway,
                d.minSeverity() == null ? Severity.BLUE : d.minSeverity(),
                events,
                d.ruleIds().stream().map(String::strip).distinct().toList(),
                prefixes,
                d.enabled(),
                current == null ? 0 : current.version() + 1,
                current == null ? actor.id() : current.createdBy(),
                current == null ? now : current.createdAt(),
                now);
    }

    private static String secret(String given, Channel current, List<FieldIssue> issues) {
        boolean keep = given == null || given.isBlank() || Masks.isMaskedSecret(given);
        if (!keep) {
            return given.strip();
        }
        if (current != null
                && current.secret() != null
                && (given == null || given.isBlank() || given.equals(Masks.secret(current.secret())))) {
            return current.secret();
        }
        issues.add(new FieldIssue("secret", "validation.required"));
        return null;
    }

    /** Masked entries stand for the stored number they mask; anything else must be a real number. */
    private static List<String> phones(List<String> given, Channel current, List<FieldIssue> issues) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : given) {
            String p = ChannelRules.cleanPhone(raw);
            if (!Masks.isMaskedPhone(p)) {
                out.add(p);
                continue;
            }
            String stored = current == null
                    ? null
                    : current.phones().stream()
                            .filter(s -> Masks.phone(s).equals(p))
                            .findFirst()
                            .orElse(null);
            if (stored == null) {
                issues.add(new FieldIssue("phones", "notify.phone", String.valueOf(raw)));
                return List.of();
            }
            out.add(stored);
        }
        return List.copyOf(out);
    }
}
