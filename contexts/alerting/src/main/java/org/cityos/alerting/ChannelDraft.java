package org.cityos.alerting;

import java.util.List;
import java.util.Set;

/**
 * A channel as its author writes it; only the fields of its kind are kept. On a change a blank {@code secret} keeps
 * the stored one, and a phone number given in its masked form keeps the stored number it masks.
 *
 * @param url WEBHOOK: http(s) address that receives the POST
 * @param secret WEBHOOK: the key of the {@code X-CityOS-Signature} HMAC (16–256 characters)
 * @param recipients EMAIL: addresses
 * @param phones SMS: 11-digit mainland mobile numbers or E.164 numbers ({@code +8613812345678})
 * @param gateway SMS: which configured gateway sends; may be blank when exactly one is configured
 * @param minSeverity null = BLUE (everything)
 * @param events null or empty = every change
 * @param divisionPrefixes empty = the author's own division scope
 */
public record ChannelDraft(
        String name,
        ChannelKind kind,
        String url,
        String secret,
        List<String> recipients,
        List<String> phones,
        String gateway,
        Severity minSeverity,
        Set<Channel.AlarmChange> events,
        List<String> ruleIds,
        List<String> divisionPrefixes,
        boolean enabled) {

    public ChannelDraft {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        phones = phones == null ? List.of() : List.copyOf(phones);
        events = events == null ? Set.of() : Set.copyOf(events);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        divisionPrefixes = divisionPrefixes == null ? List.of() : List.copyOf(divisionPrefixes);
    }

    public static ChannelDraft webhook(String name, String url, String secret) {
        return new ChannelDraft(name, ChannelKind.WEBHOOK, url, secret, null, null, null, null, null, null, null, true);
    }

    public static ChannelDraft email(String name, List<String> recipients) {
        return new ChannelDraft(
                name, ChannelKind.EMAIL, null, null, recipients, null, null, null, null, null, null, true);
    }

    public static ChannelDraft sms(String name, List<String> phones, String gateway) {
        return new ChannelDraft(name, ChannelKind.SMS, null, null, null, phones, gateway, null, null, null, null, true);
    }

    public ChannelDraft filtered(
            Severity min, Set<Channel.AlarmChange> changes, List<String> rules, List<String> prefixes) {
        return new ChannelDraft(
                name, kind, url, secret, recipients, phones, gateway, min, changes, rules, prefixes, enabled);
    }

    public ChannelDraft withEnabled(boolean on) {
        return new ChannelDraft(
                name,
                kind,
                url,
                secret,
                recipients,
                phones,
                gateway,
                minSeverity,
                events,
                ruleIds,
                divisionPrefixes,
                on);
    }
}
