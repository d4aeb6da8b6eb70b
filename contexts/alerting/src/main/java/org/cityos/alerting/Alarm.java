package org.cityos.alerting;

import java.time.Instant;
import java.util.List;

/**
 * An alarm as operators see it: the facts, where it stands, who did what when, and its steps.
 *
 * @param lastSeenAt when the rule last found the condition (repeats move it)
 * @param flapping whether it came back too often lately (notifications pause)
 */
public record Alarm(
        AlarmFacts facts,
        AlarmStatus status,
        Instant lastSeenAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String clearedBy,
        Instant clearedAt,
        String resolvedBy,
        Instant resolvedAt,
        Instant escalatedAt,
        boolean flapping,
        int flapCount,
        int version,
        List<AlarmStep> steps) {

    public Alarm {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public AlarmId id() {
        return facts.alarmId();
    }

    /** One change in the alarm's life: RAISED, REPEATED, ACKNOWLEDGED, ESCALATED, CLEARED, RESOLVED, REOPENED. */
    public record AlarmStep(String action, String by, String note, Instant at) {}
}
