package org.cityos.alerting.internal.alarms;

import java.util.List;
import org.cityos.alerting.Alarm;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmId;
import org.cityos.alerting.AlarmStatus;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.AlarmRow;
import org.cityos.kernel.GeoPoint;

/** Turns stored rows into the public records. */
public final class AlarmRows {
    private AlarmRows() {}

    public static AlarmFacts facts(AlarmRow r) {
        return new AlarmFacts(
                new AlarmId(r.id()),
                new RuleId(r.ruleId()),
                r.ruleName(),
                r.template(),
                RuleKind.valueOf(r.kind()),
                Severity.valueOf(r.severity()),
                r.subject(),
                r.deviceId(),
                r.deviceType(),
                r.division(),
                r.lon() == null || r.lat() == null ? null : GeoPoint.of(r.lon(), r.lat()),
                r.title(),
                r.detail(),
                r.raisedAt(),
                r.repeatCount(),
                r.escalationLevel());
    }

    public static Alarm alarm(AlarmRow r, List<AlarmRepository.Step> steps) {
        return new Alarm(
                facts(r),
                AlarmStatus.valueOf(r.status()),
                r.lastSeenAt(),
                r.acknowledgedBy(),
                r.acknowledgedAt(),
                r.clearedBy(),
                r.clearedAt(),
                r.resolvedBy(),
                r.resolvedAt(),
                r.escalatedAt(),
                r.flapping(),
                r.flapCount(),
                r.version(),
                steps.stream()
                        .map(s -> new Alarm.AlarmStep(s.action(), s.actor(), s.note(), s.at()))
                        .toList());
    }
}
