package org.cityos.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Whole days from {@code from} to {@code to}, both included, as the city's calendar has them (Asia/Shanghai): a case
 * dispatched at 23:59 on the 30th belongs to the 30th even though it is 15:59 UTC.
 */
public record RatePeriod(LocalDate from, LocalDate to) {
    /** Days are Beijing days whatever zone the server runs in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A league table spans at most a little over a year; longer asks are mistakes or attempts to load the database. */
    public static final int MAX_DAYS = 400;

    public RatePeriod {
        if (from == null) {
            throw InvalidInput.of("from", "validation.required");
        }
        if (to == null) {
            throw InvalidInput.of("to", "validation.required");
        }
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "rates.period-order", from, to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInput.of("to", "rates.period-too-long", MAX_DAYS);
        }
    }

    public static RatePeriod day(LocalDate day) {
        return new RatePeriod(day, day);
    }

    /** The first of {@code day}'s month up to {@code day}: month to date, as the daily report shows it. */
    public static RatePeriod monthTo(LocalDate day) {
        return new RatePeriod(day.withDayOfMonth(1), day);
    }

    public Instant start() {
        return from.atStartOfDay(ZONE).toInstant();
    }

    /** The first instant after the period (exclusive end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
