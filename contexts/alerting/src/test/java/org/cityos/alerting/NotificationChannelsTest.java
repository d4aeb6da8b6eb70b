package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.cityos.alerting.internal.notify.ChannelProblems.EmailNotConfigured;
import org.cityos.alerting.internal.notify.ChannelProblems.SmsNotConfigured;
import org.cityos.alerting.internal.notify.EmailSender;
import org.cityos.alerting.internal.notify.SmsSender;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.Test;

/** What is refused before any storage is touched: channels this installation cannot serve, missing permissions. */
class NotificationChannelsTest {
    final NotificationChannels unconfigured = new NotificationChannels(
            null, null, new EmailSender(null, "x@localhost"), new SmsSender(Map.of()), null, Clock.systemUTC());

    @Test
    void withoutAnSmtpServerEmailChannelsAreRefusedWithAClearProblem() {
        assertThatThrownBy(() -> unconfigured.create(
                        NotifyFixture.OPERATOR, ChannelDraft.email("值班邮箱", List.of("duty@example.org"))))
                .isInstanceOf(EmailNotConfigured.class)
                .extracting("type")
                .isEqualTo("email-not-configured");
    }

    @Test
    void withoutAnSmsGatewaySmsChannelsAreRefused() {
        assertThatThrownBy(() -> unconfigured.create(
                        NotifyFixture.OPERATOR, ChannelDraft.sms("值班短信", List.of("13812345678"), null)))
                .isInstanceOf(SmsNotConfigured.class);
    }

    @Test
    void writingNeedsRuleWrite() {
        assertThatThrownBy(() -> unconfigured.create(
                        NotifyFixture.EAST_WORKER,
                        ChannelDraft.webhook("x", "https://e.org", "whsec-0123456789abcdef")))
                .isInstanceOf(AccessDenied.class);
    }
}
