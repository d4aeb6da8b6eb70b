package org.cityos.casework.internal.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The periods of a working day ({@code 09:00-12:00,13:30-18:00}) and walking through them: forwards and backwards
 * by an amount of working time, and measuring the working time between two moments. Which days are working days is
 * the caller's question, asked of every date the walk passes.
 */
public final class OfficeHours {
    private static final long DAY = Duration.ofDays(1).toNanos();
    /** Far enough for any sane limit, short enough to fail fast on a calendar where nobody ever works. */
    private static final int MAX_DAYS = 3 * 366;

    private final long[] from;
    private final long[] to;

    private OfficeHours(long[] from, long[] to) {
        this.from = from;
        this.to = to;
    }

    /** Comma-separated {@code HH:mm-HH:mm} periods, in order, not overlapping. */
    public static OfficeHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("office hours are periods like 09:00-12:00,13:30-18:00");
        }
        List<long[]> periods = new ArrayList<>();
        long previousEnd = -1;
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("not an office-hours period: " + part);
            }
            long start;
            long end;
            try {
                start = LocalTime.parse(ends[0].strip()).toNanoOfDay();
                end = LocalTime.parse(ends[1].strip()).toNanoOfDay();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an office-hours period: " + part, e);
            }
            if (end <= start || start < previousEnd) {
                throw new IllegalArgumentException("office-hours periods must be in order and not overlap: " + text);
            }
            periods.add(new long[] {start, end});
            previousEnd = end;
        }
        return new OfficeHours(
                periods.stream().mapToLong(p -> p[0]).toArray(),
                periods.stream().mapToLong(p -> p[1]).toArray());
    }

    /** When the working day starts. */
    public LocalTime opening() {
        return LocalTime.ofNanoOfDay(from[0]);
    }

    /** Working time in one working day. */
    public Duration perDay() {
        long sum = 0;
        for (int k = 0; k < from.length; k++) {
            sum += to[k] - from[k];
        }
        return Duration.ofNanos(sum);
    }

    /**
     * The moment {@code amount} of working time after {@code start}; time outside office hours does not count, and
     * an amount that ends exactly at a closing time ends there, not at the next opening.
     */
    public ZonedDateTime plus(ZonedDateTime start, Duration amount, Predicate<LocalDate> working) {
        long left = amount.toNanos();
        if (left <= 0) {
            return start;
        }
        LocalDate date = start.toLocalDate();
        long t = start.toLocalTime().toNanoOfDay();
        for (int i = 0; i < MAX_DAYS; i++) {
            if (working.test(date)) {
                for (int k = 0; k < from.length; k++) {
                    if (to[k] > t) {
                        long s = Math.max(from[k], t);
                        long available = to[k] - s;
                        if (left <= available) {
                            return at(start, date, s + left);
                        }
                        left -= available;
                    }
                }
            }
            date = date.plusDays(1);
            t = 0;
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + start);
    }

    /** The moment {@code amount} of working time before {@code end}; the mirror of {@link #plus}. */
    public ZonedDateTime minus(ZonedDateTime end, Duration amount, Predicate<LocalDate> working) {
        long left = amount.toNanos();
        if (left <= 0) {
            return end;
        }
        LocalDate date = end.toLocalDate();
        long t = end.toLocalTime().toNanoOfDay();
        for (int i = 0; i < MAX_DAYS; i++) {
            if (working.test(date)) {
                for (int k = from.length - 1; k >= 0; k--) {
                    if (from[k] < t) {
                        long e = Math.min(to[k], t);
                        long available = e - from[k];
                        if (left <= available) {
                            return at(end, date, e - left);
                        }
                        left -= available;
                    }
                }
            }
            date = date.minusDays(1);
            t = DAY;
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days before " + end);
    }

    /** Working time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
    public Duration between(ZonedDateTime a, ZonedDateTime b, Predicate<LocalDate> working) {
        if (b.isBefore(a)) {
            return between(b, a, working).negated();
        }
        long sum = 0;
        LocalDate last = b.toLocalDate();
        for (LocalDate date = a.toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!working.test(date)) {
                continue;
            }
            long lo = date.equals(a.toLocalDate()) ? a.toLocalTime().toNanoOfDay() : 0;
            long hi = date.equals(last) ? b.toLocalTime().toNanoOfDay() : DAY;
            for (int k = 0; k < from.length; k++) {
                sum += Math.max(0, Math.min(to[k], hi) - Math.max(from[k], lo));
            }
        }
        return Duration.ofNanos(sum);
    }

    private static ZonedDateTime at(ZonedDateTime like, LocalDate date, long nanoOfDay) {
        return date.atTime(LocalTime.ofNanoOfDay(nanoOfDay)).atZone(like.getZone());
    }
}
