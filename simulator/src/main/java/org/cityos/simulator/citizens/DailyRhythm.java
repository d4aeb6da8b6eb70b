package org.cityos.simulator.citizens;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * How a day's requests spread over its hours in the city's zone: almost none at night, a peak mid-morning and a
 * second in the afternoon, as hotline centres see it. Shares sum to one.
 */
public final class DailyRhythm {
    /** Relative call volume by local hour, 0–23. */
    private static final double[] HOURLY = {
        0.4, 0.25, 0.2, 0.15, 0.15, 0.3, 0.8, 2.0, 4.0, 6.0, 7.0, 6.5, 4.5, 4.5, 5.5, 6.5, 6.0, 5.0, 3.5, 3.0, 2.5, 2.0,
        1.2, 0.7
    };

    private final ZoneId zone;
    private final double[] shares;

    public DailyRhythm(ZoneId zone) {
        this.zone = zone;
        double total = Arrays.stream(HOURLY).sum();
        this.shares = Arrays.stream(HOURLY).map(v -> v / total).toArray();
    }

    /** Beijing time. */
    public static DailyRhythm beijing() {
        return new DailyRhythm(ZoneId.of("Asia/Shanghai"));
    }

    /** The share of a day's requests that arrive in this local hour (0–23). */
    public double share(int hour) {
        return shares[hour];
    }

    /** The local hour of an instant. */
    public int hourOf(Instant instant) {
        return instant.atZone(zone).getHour();
    }

    /** How many of a day's {@code perDay} are expected in {@code [from, to)}, hour by local hour. */
    public double expected(Instant from, Instant to, double perDay) {
        double sum = 0;
        Instant sliceStart = from;
        while (sliceStart.isBefore(to)) {
            Instant hourEnd = sliceStart.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant sliceEnd = hourEnd.isBefore(to) ? hourEnd : to;
            sum += perHour(sliceStart, perDay)
                    * Duration.between(sliceStart, sliceEnd).toMillis()
                    / 3_600_000.0;
            sliceStart = sliceEnd;
        }
        return sum;
    }

    /** Requests per hour expected at this instant when the day brings {@code perDay}. */
    public double perHour(Instant instant, double perDay) {
        return perDay * share(hourOf(instant));
    }
}
