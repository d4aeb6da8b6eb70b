package org.cityos.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Simulated time: starts at a given instant and runs {@code speed} times as fast as the wall clock. */
public final class SimulationClock extends Clock {
    private final Instant start;
    private final long startNanos;
    private final double speed;
    private final ZoneId zone;

    public SimulationClock(Instant start, double speed, ZoneId zone) {
        this.start = start;
        this.startNanos = System.nanoTime();
        this.speed = speed;
        this.zone = zone;
    }

    /** From now, at {@code speed}, in Beijing time. */
    public static SimulationClock startingNow(double speed) {
        return new SimulationClock(Instant.now(), speed, ZoneId.of("Asia/Shanghai"));
    }

    @Override
    public Instant instant() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulationClock(instant(), speed, other);
    }
}
