package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.cityos.alerting.NotifyFixture.ADMIN;
import static org.cityos.alerting.NotifyFixture.IN_EAST;
import static org.cityos.alerting.NotifyFixture.IN_WEST;
import static org.cityos.alerting.NotifyFixture.OPERATOR;
import static org.cityos.alerting.NotifyFixture.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.alerting.Channel.AlarmChange;
import org.cityos.alerting.internal.notify.WebhookSignature;
import org.cityos.kernel.PageRequest;
import org.cityos.testkit.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alarm events through the real outbox into deliveries, and webhooks to a real HTTP server: matching, signing,
 * retries on the back-off schedule by the test's clock, permanent failures, redelivery, flapping. Each test uses a
 * rule of its own, so the channels of other tests stay out of its way.
 */
class WebhookDeliveryIT {
    static final String SECRET = "whsec-0123456789abcdef";
    static NotifyFixture f;

    @BeforeAll
    static void start() {
        f = new NotifyFixture(Map.of(
                "cityos.alerting.notify.max-attempts", "4",
                "cityos.alerting.notify.request-timeout", "500ms"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Channel webhook(String path, RuleId rule) {
        return f.channels.create(
                OPERATOR,
                ChannelDraft.webhook("值班系统", f.receiver.url(path), SECRET)
                        .filtered(null, null, List.of(rule.value()), null));
    }

    static List<Delivery> deliveries(Channel c) {
        return f.channels
                .deliveries(ADMIN, c.id(), null, null, PageRequest.of(0, 100))
                .items();
    }

    static Delivery only(Channel c) {
        List<Delivery> all = deliveries(c);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static AlarmRaised raised(AlarmFacts a) {
        return new AlarmRaised(a, null, null, f.clock.instant());
    }

    @Test
    void channelsHearOnlyWhatTheirSeverityEventDivisionAndRuleFiltersLetThrough() {
        RuleId rule = RuleId.random();
        Channel c = f.channels.create(
                OPERATOR,
                ChannelDraft.webhook("西镇橙色以上", f.receiver.url("/match"), SECRET)
                        .filtered(
                                Severity.ORANGE,
                                Set.of(AlarmChange.RAISED),
                                List.of(rule.value()),
                                List.of("110115001")));
        Channel off = f.channels.create(
                OPERATOR,
                ChannelDraft.webhook("停用", f.receiver.url("/off"), SECRET)
                        .filtered(null, null, List.of(rule.value()), null)
                        .withEnabled(false));
        AlarmFacts red = alarm(Severity.RED, IN_WEST, rule);
        AlarmFacts flapping = alarm(Severity.ORANGE, IN_WEST, rule);
        f.publish(
                raised(red),
                raised(alarm(Severity.YELLOW, IN_WEST, rule)),
                new AlarmAcknowledged(red, "operator", "收到", f.clock.instant()),
                raised(alarm(Severity.RED, IN_EAST, rule)),
                raised(alarm(Severity.RED, IN_WEST, RuleId.random())),
                new AlarmFlapping(flapping, null, null, f.clock.instant()));
        f.deliverEvents();

        assertThat(deliveries(c))
                .extracting(Delivery::alarmId, Delivery::change)
                .containsExactlyInAnyOrder(
                        tuple(red.alarmId().value(), AlarmChange.RAISED),
                        tuple(flapping.alarmId().value(), AlarmChange.FLAPPING));
        assertThat(deliveries(off)).isEmpty();
    }

    @Test
    void aDeliveredWebhookIsSignedSoTheReceiverCanVerifyIt() {
        RuleId rule = RuleId.random();
        Channel c = webhook("/signed", rule);
        AlarmFacts a = alarm(Severity.RED, IN_WEST, rule);
        f.publish(raised(a));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        Delivery d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.deliveredAt()).isEqualTo(f.clock.instant());
        Receiver.Request r = f.receiver.to("/signed").get(0);
        assertThat(r.headers())
                .containsEntry("x-cityos-event", "alarm-raised")
                .containsEntry("x-cityos-delivery", d.id().toString())
                .containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(r.body()).contains("\"event\":\"alarm-raised\"", "\"alarmId\":\"" + a.alarmId() + "\"", "积水 0.6 m");
        long now = f.clock.instant().getEpochSecond();
        assertThat(r.headers().get("x-cityos-signature")).startsWith("t=" + now + ",v1=");
        assertThat(WebhookSignature.verify(SECRET, r.headers().get("x-cityos-signature"), r.body(), now, 300))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        "wrong-secret-0123456", r.headers().get("x-cityos-signature"), r.body(), now, 300))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, r.headers().get("x-cityos-signature"), r.body() + " ", now, 300))
                .isFalse();
    }

    @Test
    void serverErrorsAreRetriedOnTheBackOffScheduleUntilDelivered() {
        RuleId rule = RuleId.random();
        Channel c = webhook("/flaky", rule);
        f.receiver.answer("/flaky", 500, 503);
        f.publish(raised(alarm(Severity.RED, IN_WEST, rule)));
        f.deliverEvents();
        Instant first = f.clock.instant();

        f.dispatcher.dispatchDue();
        Delivery d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError()).startsWith("HTTP 500");
        assertThat(d.nextAttemptAt()).isEqualTo(first.plusSeconds(30));

        f.clock.advance(Duration.ofSeconds(29));
        f.dispatcher.dispatchDue();
        assertThat(f.receiver.to("/flaky")).hasSize(1);

        f.clock.advance(Duration.ofSeconds(1));
        f.dispatcher.dispatchDue();
        d = only(c);
        assertThat(f.receiver.to("/flaky")).hasSize(2);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.lastError()).startsWith("HTTP 503");
        assertThat(d.nextAttemptAt()).isEqualTo(first.plusSeconds(30).plus(Duration.ofMinutes(2)));

        f.clock.advance(Duration.ofMinutes(2));
        f.dispatcher.dispatchDue();
        d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(d.attempts()).isEqualTo(3);
        // The receiver can tell a retry from a new notice: the delivery id stays, the signature time moves.
        List<Receiver.Request> got = f.receiver.to("/flaky");
        assertThat(got).extracting(r -> r.headers().get("x-cityos-delivery")).containsOnly(d.id().toString());
        assertThat(got).extracting(r -> r.headers().get("x-cityos-attempt")).containsExactly("1", "2", "3");
        assertThat(got)
                .extracting(Receiver.Request::body)
                .containsOnly(got.get(0).body());
    }

    @Test
    void aClientErrorFailsAtOnceButRateLimitsAreRetried() {
        RuleId rule = RuleId.random();
        Channel gone = webhook("/gone", rule);
        Channel busy = webhook("/busy", rule);
        f.receiver.answer("/gone", 404);
        f.receiver.answer("/busy", 429);
        f.publish(raised(alarm(Severity.BLUE, IN_WEST, rule)));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        Delivery failed = only(gone);
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).startsWith("HTTP 404");
        Delivery later = only(busy);
        assertThat(later.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(later.lastError()).startsWith("HTTP 429");

        f.clock.advance(Duration.ofHours(2));
        f.dispatcher.dispatchDue();
        assertThat(only(busy).status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(only(gone).attempts()).isEqualTo(1);
        assertThat(f.receiver.to("/gone")).hasSize(1);
    }

    @Test
    void timeoutsAndRefusedConnectionsAreRetried() {
        RuleId rule = RuleId.random();
        Channel slow = webhook("/slow", rule);
        f.receiver.stall("/slow", 3_000);
        Channel nobody = f.channels.create(
                OPERATOR,
                ChannelDraft.webhook("无人接听", "http://127.0.0.1:" + FreePorts.next() + "/hook", SECRET)
                        .filtered(null, null, List.of(rule.value()), null));
        f.publish(raised(alarm(Severity.RED, IN_WEST, rule)));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        Delivery timedOut = only(slow);
        assertThat(timedOut.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(timedOut.lastError()).contains("HttpTimeoutException");
        assertThat(timedOut.nextAttemptAt()).isEqualTo(f.clock.instant().plusSeconds(30));
        Delivery refused = only(nobody);
        assertThat(refused.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(refused.lastError()).contains("ConnectException");
        f.channels.delete(OPERATOR, slow.id());
        f.channels.delete(OPERATOR, nobody.id());
    }

    @Test
    void afterTheLastAllowedAttemptTheDeliveryIsFailed() {
        RuleId rule = RuleId.random();
        Channel c = webhook("/down", rule);
        f.receiver.answer("/down", 500, 500, 500, 500, 200);
        f.publish(raised(alarm(Severity.RED, IN_WEST, rule)));
        f.deliverEvents();
        for (Duration wait :
                List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10))) {
            f.clock.advance(wait);
            f.dispatcher.dispatchDue();
        }
        Delivery d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(d.lastError()).contains("HTTP 500", "gave up after 4 attempts");

        f.clock.advance(Duration.ofDays(1));
        f.dispatcher.dispatchDue();
        assertThat(f.receiver.to("/down")).hasSize(4);
    }

    @Test
    void aRedeliveredEventAddsNoDelivery() {
        RuleId rule = RuleId.random();
        Channel c = webhook("/once", rule);
        f.publish(raised(alarm(Severity.RED, IN_WEST, rule)));
        f.deliverEvents();
        long before = f.count("SELECT count(*) FROM alerting_notification");
        long feed = f.count("SELECT count(*) FROM alerting_notification_feed");

        // The bus delivers every event again, as after a crash between the consumer's commit and its ack.
        f.jdbc.sql("UPDATE outbox_delivery SET status = 'PENDING', attempts = 0, delivered_at = NULL")
                .update();
        f.deliverEvents();

        assertThat(f.count("SELECT count(*) FROM outbox_delivery WHERE status <> 'DELIVERED'"))
                .isZero();
        assertThat(f.count("SELECT count(*) FROM alerting_notification")).isEqualTo(before);
        assertThat(f.count("SELECT count(*) FROM alerting_notification_feed")).isEqualTo(feed);
        assertThat(deliveries(c)).hasSize(1);
    }

    @Test
    void aFlappingAlarmIsToldOnceAndThenPausedUntilItSettles() {
        RuleId rule = RuleId.random();
        Channel c = webhook("/flap", rule);
        AlarmFacts a = alarm(Severity.RED, IN_WEST, rule);
        Instant t = f.clock.instant();
        f.publish(new AlarmRaised(a, null, null, t));
        f.deliverEvents();
        f.publish(new AlarmFlapping(a, null, null, t.plusSeconds(60)));
        f.deliverEvents();
        f.publish(new AlarmCleared(a, null, null, t.plusSeconds(120)));
        f.deliverEvents();
        f.publish(new AlarmRaised(a, null, null, t.plusSeconds(180)));
        f.deliverEvents();
        f.publish(new AlarmFlapping(a, null, null, t.plusSeconds(240)));
        f.deliverEvents();
        // Quiet for longer than flap-settle (30 min): the alarm counts as settled, notices resume.
        f.publish(new AlarmRaised(a, null, null, t.plus(Duration.ofMinutes(40))));
        f.deliverEvents();

        List<Delivery> all = deliveries(c).stream()
                .sorted(java.util.Comparator.comparing(Delivery::createdAt)
                        .thenComparing(d -> d.change().ordinal()))
                .toList();
        assertThat(all)
                .extracting(Delivery::change, Delivery::status)
                .containsExactlyInAnyOrder(
                        tuple(AlarmChange.RAISED, Delivery.Status.PENDING),
                        tuple(AlarmChange.FLAPPING, Delivery.Status.PENDING),
                        tuple(AlarmChange.CLEARED, Delivery.Status.SKIPPED),
                        tuple(AlarmChange.RAISED, Delivery.Status.SKIPPED),
                        tuple(AlarmChange.FLAPPING, Delivery.Status.SKIPPED),
                        tuple(AlarmChange.RAISED, Delivery.Status.PENDING));
        assertThat(all)
                .filteredOn(d -> d.status() == Delivery.Status.SKIPPED)
                .extracting(Delivery::lastError)
                .allMatch(e -> e.startsWith("paused"));
    }
}
