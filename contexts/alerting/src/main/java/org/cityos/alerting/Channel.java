package org.cityos.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A saved notification channel: where notices go and which alarm changes it wants. As the facade hands it out the
 * webhook secret is masked, and so are the phone numbers unless the caller asked to see them unmasked.
 *
 * @param secret the webhook signing secret (masked outside the notification machinery), or null
 * @param minSeverity the least severe alarm that is sent (BLUE sends everything)
 * @param events which changes are sent; {@link AlarmChange#FLAPPING} notices also go to channels that take RAISED
 * @param ruleIds only alarms of these rules; empty = any rule
 * @param divisionPrefixes only alarms whose division code starts with one of these
 */
public record Channel(
        UUID id,
        String name,
        ChannelKind kind,
        String url,
        String secret,
        List<String> recipients,
        List<String> phones,
        String gateway,
        Severity minSeverity,
        Set<AlarmChange> events,
        List<String> ruleIds,
        List<String> divisionPrefixes,
        boolean enabled,
        int version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Channel {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        phones = phones == null ? List.of() : List.copyOf(phones);
        events = events == null ? Set.of() : Set.copyOf(events);
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        divisionPrefixes = divisionPrefixes == null ? List.of() : List.copyOf(divisionPrefixes);
    }

    /** The same channel with other secret and phone numbers (how the facade masks them). */
    public Channel withSecrets(String shownSecret, List<String> shownPhones) {
        return new Channel(
                id,
                name,
                kind,
                url,
                shownSecret,
                recipients,
                shownPhones,
                gateway,
                minSeverity,
                events,
                ruleIds,
                divisionPrefixes,
                enabled,
                version,
                createdBy,
                createdAt,
                updatedAt);
    }

    /** A change in an alarm's life that a channel can be told about. */
    public enum AlarmChange {
        RAISED("alarm-raised", "新告警"),
        ACKNOWLEDGED("alarm-acknowledged", "已确认"),
        CLEARED("alarm-cleared", "已恢复"),
        RESOLVED("alarm-resolved", "已关闭"),
        ESCALATED("alarm-escalated", "已升级"),
        /** The alarm came back too often; further notices about it pause until it settles. */
        FLAPPING("alarm-flapping", "频繁波动");

        private final String eventName;
        private final String nameZh;

        AlarmChange(String eventName, String nameZh) {
            this.eventName = eventName;
            this.nameZh = nameZh;
        }

        /** The name receivers see: SSE event names and the {@code X-CityOS-Event} header. */
        public String eventName() {
            return eventName;
        }

        public String nameZh() {
            return nameZh;
        }
    }
}
