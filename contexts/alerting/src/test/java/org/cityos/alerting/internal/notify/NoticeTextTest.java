package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.Channel.AlarmChange;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;
import org.junit.jupiter.api.Test;

class NoticeTextTest {
    static AlarmFacts alarm(Severity severity, String title) {
        return new AlarmFacts(
                AlarmId.random(),
                RuleId.random(),
                "积水监测",
                null,
                RuleKind.THRESHOLD,
                severity,
                "dev-1",
                "dev-1",
                "water-level",
                "110115001001",
                null,
                title,
                null,
                Instant.parse("2026-11-24T16:30:00Z"),
                0,
                2);
    }

    @Test
    void subjectsNameTheSeverityInChineseAndNonRaisesSayWhatChanged() {
        assertThat(NoticeText.subject(AlarmChange.RAISED, alarm(Severity.RED, "积水 0.6 m")))
                .isEqualTo("[红色预警] 积水 0.6 m");
        assertThat(NoticeText.subject(AlarmChange.ESCALATED, alarm(Severity.BLUE, "积水 0.6 m")))
                .isEqualTo("[蓝色预警] 积水 0.6 m（已升级）");
        assertThat(NoticeText.subject(AlarmChange.RAISED, alarm(Severity.YELLOW, null)))
                .as("no title: the rule's name")
                .isEqualTo("[黄色预警] 积水监测");
        assertThat(NoticeText.subject(AlarmChange.RAISED, alarm(Severity.RED, "a\r\nBcc: x@y.org")))
                .as("no header injection through a title")
                .doesNotContain("\n", "\r");
    }

    @Test
    void timesAreBeijingTimeEvenAcrossMidnightUtc() {
        AlarmFacts a = alarm(Severity.ORANGE, "积水");
        String body = NoticeText.body(AlarmChange.ESCALATED, a, null, null, Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(body).contains("发生时间：2026-11-25 00:30:00", "本次变化：已升级 2026-11-25 01:00:00", "升级级别：2");
        assertThat(NoticeText.sms(AlarmChange.RAISED, a, Instant.parse("2026-11-24T17:00:00Z")))
                .isEqualTo("【CityOS】橙色预警：积水（新告警，区划110115001001，11-25 01:00）");
    }
}
