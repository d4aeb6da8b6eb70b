package org.cityos.simulator.citizens;

import java.time.Duration;

/**
 * How a unit's handlers work: the share of new cases they return as not theirs, the share they let run past the
 * resolution deadline, and how long they take between being assigned and replying.
 */
public record HandlerHabits(double returnShare, double overrunShare, Duration workTime) {
    public HandlerHabits {
        if (returnShare < 0 || returnShare > 1 || overrunShare < 0 || overrunShare > 1) {
            throw new IllegalArgumentException("shares lie between 0 and 1");
        }
        if (workTime.isNegative()) {
            throw new IllegalArgumentException("work time must not be negative");
        }
    }

    /** A diligent unit: returns 5 %, overruns 5 %, replies after two hours of work. */
    public static HandlerHabits usual() {
        return new HandlerHabits(0.05, 0.05, Duration.ofHours(2));
    }
}
