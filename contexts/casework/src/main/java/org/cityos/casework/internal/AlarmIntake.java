package org.cityos.casework.internal;

import java.util.HashMap;
import java.util.Map;
import org.cityos.alerting.AlarmFacts;
import org.cityos.alerting.AlarmRaised;
import org.cityos.casework.CaseIntake;
import org.cityos.casework.CaseProblems;
import org.cityos.casework.Channel;
import org.cityos.casework.IntakePolicies;
import org.cityos.casework.IntakePolicy;
import org.cityos.casework.NewCase;
import org.cityos.casework.RequestType;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.event.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarms become cases by casework's own policies: alerting only publishes that an alarm was raised; here the most
 * specific policy (rule, template, kind, any) decides whether it becomes a case, of which category and urgency. The
 * alarm's id is the case's external id, so a redelivered event finds the case it already made.
 */
public final class AlarmIntake {
    private static final Logger log = LoggerFactory.getLogger(AlarmIntake.class);
    private static final Actor DESK = Actor.system("casework-alarm-intake");

    private final IntakePolicies policies;
    private final CaseIntake intake;

    public AlarmIntake(IntakePolicies policies, CaseIntake intake) {
        this.policies = policies;
        this.intake = intake;
    }

    public void accept(AlarmRaised event, EventMetadata metadata) {
        AlarmFacts alarm = event.alarm();
        Map<String, String> attributes = new HashMap<>();
        attributes.put("rule", alarm.ruleId().value());
        if (alarm.template() != null) {
            attributes.put("template", alarm.template());
        }
        attributes.put("kind", alarm.kind().name());
        IntakePolicy policy = policies.match(IntakePolicies.ALARMS, attributes).orElse(null);
        if (policy == null
                || !IntakePolicies.severeEnough(policy, alarm.severity().name())) {
            return;
        }
        String content = alarm.severity().nameZh() + "预警：" + alarm.title()
                + (alarm.detail() == null ? "" : "。" + alarm.detail())
                + (alarm.deviceId() == null ? "" : "（设备 " + alarm.deviceId() + "）");
        NewCase c = new NewCase(
                Channel.ALARM,
                alarm.alarmId().value(),
                RequestType.INCIDENT,
                truncate(alarm.severity().nameZh() + " " + alarm.title(), 200),
                truncate(content.replace('<', '＜').replace('>', '＞'), 4000),
                policy.categoryCode(),
                policy.urgency(),
                null,
                alarm.location(),
                null,
                null,
                alarm.alarmId().value(),
                null);
        try {
            intake.receive(DESK, c);
        } catch (CaseProblems.OutsideDistrict e) {
            log.warn("alarm {} lies outside the district; no case made", alarm.alarmId());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
