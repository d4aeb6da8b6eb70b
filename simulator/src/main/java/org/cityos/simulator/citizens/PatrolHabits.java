package org.cityos.simulator.citizens;

import java.time.Duration;

/**
 * How a grid worker patrols: the reports it files a day (spread over the day like citizens' calls), how often it
 * looks for replies to check on site, and the share of checks that find the problem still there (sent back).
 */
public record PatrolHabits(double reportsPerDay, Duration checkEvery, double sendBackShare) {
    public PatrolHabits {
        if (reportsPerDay < 0) {
            throw new IllegalArgumentException("reports per day must not be negative");
        }
        if (checkEvery.isNegative()) {
            throw new IllegalArgumentException("the time between checks must not be negative");
        }
        if (sendBackShare < 0 || sendBackShare > 1) {
            throw new IllegalArgumentException("the share sent back lies between 0 and 1");
        }
    }

    /** Six reports a day, a look at the grid's replied cases every quarter of an hour, 5 % sent back. */
    public static PatrolHabits usual() {
        return new PatrolHabits(6, Duration.ofMinutes(15), 0.05);
    }
}
