package org.cityos.alerting.internal.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cityos.alerting.AlarmAcknowledged;
import org.cityos.alerting.AlarmCleared;
import org.cityos.alerting.AlarmEscalated;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmFlapping;
import org.cityos.alerting.AlarmRaised;
import org.cityos.alerting.AlarmResolved;
import org.cityos.alerting.Channel;
import org.cityos.alerting.Channel.AlarmChange;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.Delivery;
import org.cityos.alerting.persistence.ChannelRepository;
import org.cityos.alerting.persistence.NotificationFeedRepository;
import org.cityos.alerting.persistence.NotificationFlapRepository;
import org.cityos.alerting.persistence.NotificationFlapRepository.Flap;
import org.cityos.alerting.persistence.NotificationRepository;
import org.cityos.alerting.persistence.NotificationRepository.NewDelivery;
import org.cityos.kernel.event.EventBus;
import org.cityos.kernel.event.EventMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reacts to alarm events: appends each to the live streams' feed and writes one delivery per matching channel, in
 * the event delivery's own transaction, keyed by (event, channel) so a redelivered event adds nothing. While an
 * alarm flaps its notices are written as SKIPPED; the flapping notice itself goes out once.
 */
public final class NotificationIntake {
    static final String PAUSED = "paused: the alarm is flapping";
    static final String ALREADY_FLAPPING = "paused: the alarm was already flapping";

    private final ChannelRepository channels;
    private final NotificationRepository deliveries;
    private final NotificationFlapRepository flaps;
    private final NotificationFeedRepository feed;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration settle;
    private volatile Runnable appended = () -> {};

    public NotificationIntake(
            ChannelRepository channels,
            NotificationRepository deliveries,
            NotificationFlapRepository flaps,
            NotificationFeedRepository feed,
            Clock clock,
            Duration settle) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.flaps = flaps;
        this.feed = feed;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
        this.settle = settle;
    }

    /** Subscribes the durable consumers {@code alerting.notify.<change>}, one per alarm event type. */
    public void subscribe(EventBus bus) {
        bus.subscribe(
                "alerting.notify.raised",
                AlarmRaised.class,
                (e, m) -> accept(AlarmChange.RAISED, e.alarm(), e.by(), e.note(), e.at(), m));
        bus.subscribe(
                "alerting.notify.acknowledged",
                AlarmAcknowledged.class,
                (e, m) -> accept(AlarmChange.ACKNOWLEDGED, e.alarm(), e.by(), e.note(), e.at(), m));
        bus.subscribe(
                "alerting.notify.cleared",
                AlarmCleared.class,
                (e, m) -> accept(AlarmChange.CLEARED, e.alarm(), e.by(), e.note(), e.at(), m));
        bus.subscribe(
                "alerting.notify.resolved",
                AlarmResolved.class,
                (e, m) -> accept(AlarmChange.RESOLVED, e.alarm(), e.by(), e.note(), e.at(), m));
        bus.subscribe(
                "alerting.notify.escalated",
                AlarmEscalated.class,
                (e, m) -> accept(AlarmChange.ESCALATED, e.alarm(), e.by(), e.note(), e.at(), m));
        bus.subscribe(
                "alerting.notify.flapping",
                AlarmFlapping.class,
                (e, m) -> accept(AlarmChange.FLAPPING, e.alarm(), e.by(), e.note(), e.at(), m));
    }

    /**
     * What to do once an appended feed entry is committed: this node's alarm stream reads the feed at once instead of
     * at its next poll (other nodes still poll).
     */
    public void whenAppended(Runnable action) {
        this.appended = action;
    }

    private void afterCommit() {
        Runnable action = appended;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }

    /** Handles one alarm event; returns how many deliveries it wrote (0 when redelivered). */
    public int accept(
            AlarmChange change, AlarmFacts alarm, String by, String note, Instant at, EventMetadata metadata) {
        Instant when = at == null ? metadata.occurredAt() : at;
        String payload = payload(change, alarm, by, note, when);
        feed.append(metadata.eventId(), change, alarm.alarmId().value(), alarm.division(), payload);
        afterCommit();
        String pause = pause(change, alarm.alarmId().value(), metadata.eventId(), when);
        List<NewDelivery> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (Channel c : channels.enabled()) {
            if (!ChannelMatching.matches(c, change, alarm)) {
                continue;
            }
            String message = switch (c.kind()) {
                case EMAIL -> NoticeText.body(change, alarm, by, note, when);
                case SMS -> NoticeText.sms(change, alarm, when);
                case WEBHOOK -> "";
            };
            rows.add(new NewDelivery(
                    UUID.randomUUID(),
                    c.id(),
                    metadata.eventId(),
                    change,
                    alarm.alarmId().value(),
                    alarm.severity(),
                    payload,
                    c.kind() == ChannelKind.EMAIL ? NoticeText.subject(change, alarm) : "",
                    message,
                    pause == null ? Delivery.Status.PENDING : Delivery.Status.SKIPPED,
                    pause,
                    now));
        }
        return rows.isEmpty() ? 0 : deliveries.insertAll(rows);
    }

    /** Why the event's notices are not sent, or null to send them; keeps the alarm's flapping pause up to date. */
    String pause(AlarmChange change, String alarmId, UUID eventId, Instant at) {
        Optional<Flap> flap = flaps.lock(alarmId);
        if (change == AlarmChange.RESOLVED) {
            // Closed by an operator: the pause is over, and the closing is worth telling.
            flap.ifPresent(f -> flaps.end(alarmId));
            return null;
        }
        boolean active = flap.isPresent()
                && Duration.between(flap.get().lastEventAt(), at).compareTo(settle) < 0;
        if (change == AlarmChange.FLAPPING) {
            if (flap.isPresent() && flap.get().eventId().equals(eventId)) {
                return null;
            }
            if (active) {
                flaps.touch(alarmId, at);
                return ALREADY_FLAPPING;
            }
            flaps.start(alarmId, eventId, at);
            return null;
        }
        if (!active) {
            flap.ifPresent(f -> flaps.end(alarmId));
            return null;
        }
        flaps.touch(alarmId, at);
        return PAUSED;
    }

    /** The event as receivers get it: webhook body and SSE data. */
    String payload(AlarmChange change, AlarmFacts alarm, String by, String note, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", change.eventName());
        body.put("alarm", alarm);
        body.put("by", by);
        body.put("note", note);
        body.put("at", at);
        return json.writeValueAsString(body);
    }
}
