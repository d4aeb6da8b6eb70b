package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.alerting.NotifyFixture.ADMIN;
import static org.cityos.alerting.NotifyFixture.IN_WEST;
import static org.cityos.alerting.NotifyFixture.OPERATOR;
import static org.cityos.alerting.NotifyFixture.alarm;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.cityos.kernel.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** E-mail through a real SMTP server (GreenMail) and SMS through {@code HttpSmsGateway} to a real HTTP server. */
class EmailAndSmsIT {
    static NotifyFixture f;

    @BeforeAll
    static void start() {
        f = new NotifyFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Delivery only(Channel c) {
        List<Delivery> all = f.channels
                .deliveries(ADMIN, c.id(), null, null, PageRequest.of(0, 10))
                .items();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void anAlarmMailReachesTheSmtpServerWithTheSeverityInTheSubject() throws Exception {
        RuleId rule = RuleId.random();
        Channel c = f.channels.create(
                OPERATOR,
                ChannelDraft.email("值班邮箱", List.of("Duty@Example.org", "leader@example.org"))
                        .filtered(null, null, List.of(rule.value()), null));
        assertThat(c.recipients()).containsExactly("duty@example.org", "leader@example.org");
        AlarmFacts a = alarm(Severity.RED, IN_WEST, rule);
        f.publish(new AlarmRaised(a, null, null, f.clock.instant()));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        assertThat(f.smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = f.smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("[红色预警] 积水 0.6 m");
        assertThat(m.getFrom()[0].toString()).isEqualTo("cityos-alerts@localhost");
        assertThat(m.getHeader("X-CityOS-Event")[0]).isEqualTo("alarm-raised");
        String body = (String) m.getContent();
        assertThat(body).contains("红色预警 · 新告警", "规则：积水监测", "区划：" + IN_WEST, "告警编号：" + a.alarmId());
        // Times are shown in Beijing time: 07:59Z is 15:59.
        assertThat(body).contains("发生时间：2026-11-24 15:59:00");
        Delivery d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(m.getHeader("X-CityOS-Delivery")[0]).isEqualTo(d.id().toString());

        f.publish(new AlarmCleared(a, null, "水位回落", f.clock.instant()));
        f.deliverEvents();
        f.dispatcher.dispatchDue();
        assertThat(f.smtp.waitForIncomingEmail(10_000, 4)).isTrue();
        // GreenMail lists messages by mailbox, not by arrival: look for the clearing notice among all.
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage each : f.smtp.getReceivedMessages()) {
            subjects.add(each.getSubject());
        }
        assertThat(subjects).filteredOn(s -> s.equals("[红色预警] 积水 0.6 m（已恢复）")).hasSize(2);
    }

    @Test
    void anSmsGoesThroughTheHttpGatewayWithTheConfiguredBodyAndHeaders() {
        RuleId rule = RuleId.random();
        Channel c = f.channels.create(
                OPERATOR,
                ChannelDraft.sms("值班短信", List.of("138 1234 5678", "+85261234567"), null)
                        .filtered(null, null, List.of(rule.value()), null));
        assertThat(c.gateway()).isEqualTo("city");
        assertThat(c.phones()).containsExactly("138****5678", "+85*****4567");
        f.publish(new AlarmRaised(alarm(Severity.ORANGE, IN_WEST, rule), null, null, f.clock.instant()));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        Receiver.Request r = f.receiver.to("/sms").stream()
                .filter(x -> x.body().contains("13812345678"))
                .findFirst()
                .orElseThrow();
        assertThat(r.headers())
                .containsEntry("x-api-token", "sms-token")
                .containsEntry("content-type", "application/json");
        assertThat(r.body())
                .startsWith("{\"mobiles\":\"13812345678,+85261234567\",\"to\":[\"13812345678\",\"+85261234567\"],")
                .contains("\"content\":\"【CityOS】橙色预警：积水 0.6 m（新告警，区划" + IN_WEST + "，11-24 16:00）\"");
        assertThat(only(c).status()).isEqualTo(Delivery.Status.DELIVERED);
    }

    @Test
    void aGatewayThatRefusesTheMessageFailsTheDeliveryWithoutRetry() {
        RuleId rule = RuleId.random();
        Channel c = f.channels.create(
                OPERATOR,
                ChannelDraft.sms("错号", List.of("13900000000"), "city")
                        .filtered(null, null, List.of(rule.value()), null));
        f.receiver.answer("/sms", 400);
        f.publish(new AlarmRaised(alarm(Severity.RED, IN_WEST, rule), null, null, f.clock.instant()));
        f.deliverEvents();
        f.dispatcher.dispatchDue();

        Delivery d = only(c);
        assertThat(d.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(d.lastError()).startsWith("rejected: HTTP 400");
    }
}
