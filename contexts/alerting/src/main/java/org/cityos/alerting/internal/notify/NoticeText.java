package org.cityos.alerting.internal.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.Channel.AlarmChange;

/**
 * The human forms of a notice, in Chinese: the e-mail subject ({@code [红色预警] 标题}), a plain-text body, and a
 * short SMS. Times are shown in Asia/Shanghai whatever the server's zone.
 */
public final class NoticeText {
    public static final int MAX_SMS = 300;
    private static final ZoneId SHOWN = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private NoticeText() {}

    public static String subject(AlarmChange change, AlarmFacts alarm) {
        String subject = "[" + alarm.severity().nameZh() + "预警] " + title(alarm);
        // A raise is the alarm itself; any other change says what happened, so a clear is not read as a new alarm.
        subject = change == AlarmChange.RAISED ? subject : subject + "（" + change.nameZh() + "）";
        return oneLine(subject, 200);
    }

    public static String body(AlarmChange change, AlarmFacts alarm, String by, String note, Instant at) {
        StringBuilder b = new StringBuilder();
        b.append(alarm.severity().nameZh())
                .append("预警 · ")
                .append(change.nameZh())
                .append('\n');
        b.append('\n');
        line(b, "标题", title(alarm));
        line(b, "规则", alarm.ruleName());
        line(b, "对象", alarm.deviceType() == null ? alarm.subject() : alarm.subject() + "（" + alarm.deviceType() + "）");
        line(b, "区划", alarm.division());
        line(b, "发生时间", time(alarm.raisedAt(), FULL));
        line(b, "本次变化", change.nameZh() + " " + time(at, FULL));
        if (alarm.repeatCount() > 0) {
            line(b, "重复次数", String.valueOf(alarm.repeatCount()));
        }
        if (alarm.escalationLevel() > 0) {
            line(b, "升级级别", String.valueOf(alarm.escalationLevel()));
        }
        line(b, "操作人", by);
        line(b, "备注", note);
        line(b, "详情", alarm.detail());
        if (change == AlarmChange.FLAPPING) {
            b.append('\n').append("该告警短时间内反复出现，稳定之前暂停发送其后续通知。").append('\n');
        }
        b.append('\n').append("告警编号：").append(alarm.alarmId().value()).append('\n');
        b.append("—— CityOS 城市运行平台（系统自动发送，请勿回复）").append('\n');
        return b.toString();
    }

    public static String sms(AlarmChange change, AlarmFacts alarm, Instant at) {
        String text = "【CityOS】" + alarm.severity().nameZh() + "预警：" + title(alarm) + "（" + change.nameZh()
                + (alarm.division() == null ? "" : "，区划" + alarm.division()) + "，" + time(at, SHORT) + "）";
        return oneLine(text, MAX_SMS);
    }

    private static String title(AlarmFacts alarm) {
        if (alarm.title() != null && !alarm.title().isBlank()) {
            return alarm.title().strip();
        }
        return alarm.ruleName() == null ? alarm.alarmId().value() : alarm.ruleName();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(label).append("：").append(value.strip()).append('\n');
        }
    }

    private static String time(Instant at, DateTimeFormatter format) {
        return at == null ? "" : format.format(at.atZone(SHOWN));
    }

    /** Line breaks would start new mail headers; long titles are cut. */
    private static String oneLine(String text, int max) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }
}
