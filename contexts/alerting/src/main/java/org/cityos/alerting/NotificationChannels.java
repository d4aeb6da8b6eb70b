package org.cityos.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cityos.alerting.internal.notify.ChannelDrafts;
import org.cityos.alerting.internal.notify.ChannelProblems.EmailNotConfigured;
import org.cityos.alerting.internal.notify.ChannelProblems.SmsNotConfigured;
import org.cityos.alerting.internal.notify.ChannelProblems.UnknownChannel;
import org.cityos.alerting.internal.notify.ChannelScope;
import org.cityos.alerting.internal.notify.EmailSender;
import org.cityos.alerting.internal.notify.Masks;
import org.cityos.alerting.internal.notify.SmsSender;
import org.cityos.alerting.persistence.ChannelRepository;
import org.cityos.alerting.persistence.NotificationRepository;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.ConcurrentChange;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification channels as data: read with ALARM_READ, written with RULE_WRITE, every write audited. A channel
 * belongs to the divisions it listens to: callers see and change only channels within their own scope. Webhook
 * secrets are always shown masked; phone numbers are masked unless a holder of PII_UNMASK asks (audited).
 */
public class NotificationChannels {
    private final ChannelRepository channels;
    private final NotificationRepository deliveries;
    private final EmailSender email;
    private final SmsSender sms;
    private final AuditTrail audit;
    private final Clock clock;

    public NotificationChannels(
            ChannelRepository channels,
            NotificationRepository deliveries,
            EmailSender email,
            SmsSender sms,
            AuditTrail audit,
            Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.email = email;
        this.sms = sms;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Page<Channel> list(Actor actor, PageRequest page, boolean unmask) {
        actor.require(Permission.ALARM_READ);
        List<Channel> mine = channels.all().stream()
                .filter(c -> ChannelScope.visible(actor, c))
                .toList();
        int from = Math.min(page.offset(), mine.size());
        List<Channel> slice = mine.subList(from, Math.min(from + page.limit(), mine.size()));
        return new Page<>(shown(actor, slice, unmask), mine.size(), page.offset(), page.limit());
    }

    @Transactional
    public Channel get(Actor actor, UUID id, boolean unmask) {
        actor.require(Permission.ALARM_READ);
        return shown(actor, List.of(find(actor, id)), unmask).get(0);
    }

    @Transactional
    public Channel create(Actor actor, ChannelDraft draft) {
        actor.require(Permission.RULE_WRITE);
        requireConfigured(draft.kind());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Channel channel =
                ChannelDrafts.build(actor, UUID.randomUUID(), draft, null, sms.names(), sms.soleGateway(), now);
        channels.insert(channel);
        audit.record(
                actor,
                "alerting.channel.create",
                "alerting.channel",
                channel.id().toString(),
                details(channel));
        return masked(channel, false);
    }

    /** Replaces the channel's fields; a blank secret and masked phone numbers keep the stored ones. */
    @Transactional
    public Channel change(Actor actor, UUID id, int expectedVersion, ChannelDraft draft) {
        actor.require(Permission.RULE_WRITE);
        Channel current = find(actor, id);
        requireConfigured(draft.kind());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Channel changed = ChannelDrafts.build(actor, id, draft, current, sms.names(), sms.soleGateway(), now);
        if (current.version() != expectedVersion || !channels.update(changed, expectedVersion)) {
            throw new ConcurrentChange("notification channel", id);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", details(current));
        details.put("to", details(changed));
        details.put(
                "secretChanged", current.secret() != null && !current.secret().equals(changed.secret()));
        audit.record(actor, "alerting.channel.change", "alerting.channel", id.toString(), details);
        return masked(changed, false);
    }

    /** Removes the channel; its deliveries, pending ones too, go with it. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.require(Permission.RULE_WRITE);
        Channel current = find(actor, id);
        if (!channels.delete(id, current.version())) {
            throw new ConcurrentChange("notification channel", id);
        }
        audit.record(actor, "alerting.channel.delete", "alerting.channel", id.toString(), details(current));
    }

    /** Deliveries of the channels the caller sees, newest first; null filters are not applied. */
    public Page<Delivery> deliveries(
            Actor actor, UUID channel, Delivery.Status status, AlarmId alarm, PageRequest page) {
        actor.require(Permission.ALARM_READ);
        List<UUID> visible = channels.all().stream()
                .filter(c -> ChannelScope.visible(actor, c))
                .map(Channel::id)
                .toList();
        if (channel != null && !visible.contains(channel)) {
            throw new UnknownChannel(channel);
        }
        return deliveries.list(visible, channel, status, alarm == null ? null : alarm.value(), page);
    }

    private Channel find(Actor actor, UUID id) {
        Channel channel = channels.find(id).orElseThrow(() -> new UnknownChannel(id));
        if (!ChannelScope.visible(actor, channel)) {
            throw new UnknownChannel(id);
        }
        return channel;
    }

    private void requireConfigured(ChannelKind kind) {
        if (kind == ChannelKind.EMAIL && !email.configured()) {
            throw new EmailNotConfigured();
        }
        if (kind == ChannelKind.SMS && sms.names().isEmpty()) {
            throw new SmsNotConfigured();
        }
    }

    private List<Channel> shown(Actor actor, List<Channel> list, boolean unmask) {
        if (unmask) {
            actor.require(Permission.PII_UNMASK);
            for (Channel c : list) {
                if (!c.phones().isEmpty()) {
                    audit.recordUnmaskedRead(actor, "alerting.channel", c.id().toString(), List.of("phones"));
                }
            }
        }
        List<Channel> out = new ArrayList<>(list.size());
        for (Channel c : list) {
            out.add(masked(c, unmask));
        }
        return out;
    }

    private static Channel masked(Channel c, boolean unmaskPhones) {
        return c.withSecrets(Masks.secret(c.secret()), unmaskPhones ? c.phones() : Masks.phones(c.phones()));
    }

    /** What the audit trail keeps of a channel: no secret, phone numbers masked, addresses counted. */
    private static Map<String, Object> details(Channel c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", c.name());
        d.put("kind", c.kind().name());
        d.put("url", c.url());
        d.put("recipients", c.recipients().size());
        d.put("phones", Masks.phones(c.phones()));
        d.put("gateway", c.gateway());
        d.put("minSeverity", c.minSeverity().name());
        d.put("events", c.events().stream().map(Enum::name).sorted().toList());
        d.put("ruleIds", c.ruleIds());
        d.put("divisionPrefixes", c.divisionPrefixes());
        d.put("enabled", c.enabled());
        return d;
    }
}
