package org.cityos.simulator.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a moment of the runner's clock: really, in the simulator; by moving a test clock, in tests. */
@FunctionalInterface
public interface Pause {
    void until(Instant moment) throws InterruptedException;

    /** Sleeps on the real clock until the moment. */
    static Pause sleeping(Clock clock) {
        return moment -> {
            Duration left = Duration.between(clock.instant(), moment);
            if (!left.isNegative() && !left.isZero()) {
                Thread.sleep(left.toMillis());
            }
        };
    }
}
