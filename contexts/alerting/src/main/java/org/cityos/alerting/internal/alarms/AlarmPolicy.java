package org.cityos.alerting.internal.alarms;

import java.time.Duration;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.Severity;

/**
 * How alarms behave over time: an alarm that comes back within {@code reopenWithin} of being cleared is reopened
 * (one more flap); {@code flapThreshold} flaps make it flapping, and a flapping alarm clears only after its
 * condition has been normal for {@code settleAfter}. Unacknowledged alarms escalate every ack-deadline (per
 * severity unless the rule says otherwise), up to {@code maxEscalations} times in the alarm's life, reopenings
 * included.
 *
 * <p>With {@code lazyCommit}, the engine's findings for rules whose condition persists are committed without
 * waiting for the disk (see {@link #commitsLazily}).
 */
public record AlarmPolicy(
        Duration reopenWithin,
        int flapThreshold,
        Duration settleAfter,
        Duration ackRed,
        Duration ackOrange,
        Duration ackYellow,
        Duration ackBlue,
        int maxEscalations,
        boolean lazyCommit) {

    public static AlarmPolicy defaults() {
        return new AlarmPolicy(
                Duration.ofMinutes(10),
                3,
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofMinutes(30),
                Duration.ofMinutes(60),
                3,
                true);
    }

    /**
     * Whether a finding of a rule of this kind may be committed without waiting for PostgreSQL to flush it to disk
     * (synchronous_commit off for its transaction, ADR 0013). Only for kinds whose condition persists and is judged
     * again by the next reading or tick: should an operating-system crash lose the last fraction of a second of such
     * alarms, the engine, restarted without them open, raises them again while the condition still holds (and
     * clears again those whose clearing was lost). One-shot findings (a device event such as an emergency button,
     * a device going offline, a vehicle crossing a fence) are never lazy: nothing would raise them again.
     */
    public boolean commitsLazily(RuleKind kind) {
        return lazyCommit
                && switch (kind) {
                    case THRESHOLD, DURATION, RATE_OF_CHANGE, NO_DATA, AGGREGATE, COMPOSITE, SCHEDULED -> true;
                    case DEVICE_OFFLINE, DEVICE_EVENT, GEOFENCE -> false;
                };
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
