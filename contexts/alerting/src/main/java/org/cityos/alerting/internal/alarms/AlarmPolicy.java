package org.cityos.alerting.internal.alarms;

import java.time.Duration;
import org.cityos.alerting.Severity;

/**
 * How alarms behave over time: an alarm that comes back within {@code reopenWithin} of being cleared is reopened
 * (one more flap); {@code flapThreshold} flaps make it flapping, and a flapping alarm clears only after its
 * condition has been normal for {@code settleAfter}. Unacknowledged alarms escalate every ack-deadline (per
 * severity unless the rule says otherwise), up to {@code maxEscalations} times in the alarm's life, reopenings
 * included.
 */
public record AlarmPolicy(
        Duration reopenWithin,
        int flapThreshold,
        Duration settleAfter,
        Duration ackRed,
        Duration ackOrange,
        Duration ackYellow,
        Duration ackBlue,
        int maxEscalations) {

    public static AlarmPolicy defaults() {
        return new AlarmPolicy(
                Duration.ofMinutes(10),
                3,
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(30),
                Duration.ofMinutes(60),
                3);
    }

    public Duration ackWithin(Severity severity, Duration ruleSays) {
        if (ruleSays != null) {
            return ruleSays;
        }
        return switch (severity) {
            case RED -> ackRed;
            case ORANGE -> ackOrange;
            case YELLOW -> ackYellow;
            case BLUE -> ackBlue;
        };
    }
}
