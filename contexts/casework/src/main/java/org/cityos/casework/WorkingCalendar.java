package org.cityos.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.cityos.casework.internal.calendar.DayTable;
import org.cityos.casework.internal.calendar.OfficeHours;
import org.cityos.casework.persistence.CalendarDayRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days and working hours in Beijing time. A day is a working day when the calendar table says WORKDAY
 * (调休上班), not when it says HOLIDAY, and otherwise when it is Monday to Friday. Working hours are the configured
 * office hours ({@link CalendarProperties#officeHours()}, 09:00–12:00 and 13:30–18:00 by default) of working days.
 *
 * <p>The table is held in memory: reloaded after each local change commits, and compared with the stored table's
 * fingerprint every {@link CalendarProperties#checkInterval()} so changes made on other nodes arrive too.
 */
@Service
public class WorkingCalendar {
    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);
    /** A working-day count never needs more: the longest limit is 250 working days. */
    private static final int MAX_DAYS = 3 * 366;

    private final CalendarDayRepository repository;
    private final ZoneId zone;
    private final OfficeHours hours;
    private volatile DayTable table;

    public WorkingCalendar(CalendarDayRepository repository, CalendarProperties properties) {
        this.repository = repository;
        this.zone = properties.zone();
        this.hours = OfficeHours.parse(properties.officeHours());
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean workingDay(LocalDate date) {
        return table().working(date);
    }

    /**
     * The same clock time {@code days} working days later: a case received on Thursday 15:00 with 1 working day is
     * due on Friday 15:00. A start on a rest day counts as if made at the opening (09:00) of the next working day, so
     * Saturday 10:00 plus 1 working day is Tuesday 09:00 and plus 0 is Monday 09:00. A start after hours on a working
     * day keeps its clock time (Friday 20:00 plus 1 is Monday 20:00): the day it arrived on counts as begun.
     */
    public Instant addWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + days);
        }
        DayTable t = table();
        ZonedDateTime at = start.atZone(zone);
        if (!t.working(at.toLocalDate())) {
            at = nextWorkingDay(t, at.toLocalDate()).atTime(hours.opening()).atZone(zone);
        }
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(t, date);
        }
        return date.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    /** The same clock time {@code days} working days earlier (for warnings before a due time). */
    public Instant subtractWorkingDays(Instant end, int days) {
        DayTable t = table();
        ZonedDateTime at = end.atZone(zone);
        LocalDate date = at.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = previousWorkingDay(t, date);
        }
        return date.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    /**
     * The moment {@code amount} of office hours after {@code start}: lunch breaks, evenings, weekends and holidays do
     * not count; a start outside office hours counts from the next opening. An amount ending exactly at a closing
     * time ends there (18:00), not at the next opening.
     */
    public Instant addWorkingHours(Instant start, Duration amount) {
        requireNotNegative(amount);
        DayTable t = table();
        return hours.plus(start.atZone(zone), amount, t::working).toInstant();
    }

    /** The moment {@code amount} of office hours before {@code end}; the mirror of {@link #addWorkingHours}. */
    public Instant subtractWorkingHours(Instant end, Duration amount) {
        requireNotNegative(amount);
        DayTable t = table();
        return hours.minus(end.atZone(zone), amount, t::working).toInstant();
    }

    /** Office hours between two moments; negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        DayTable t = table();
        return hours.between(from.atZone(zone), to.atZone(zone), t::working);
    }

    /**
     * Working days after {@code from} up to and including {@code to} (negative when {@code to} is earlier): for a
     * start on a working day, {@code workingDaysBetween(start, date of addWorkingDays(start, n)) == n}.
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        DayTable t = table();
        long count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (t.working(d)) {
                count++;
            }
        }
        return count;
    }

    /** {@code start} plus the limit in its own unit: natural units by the clock, working units as above. */
    public Instant plus(Instant start, TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> start.plus(Duration.ofMinutes(limit.amount()));
            case HOURS -> start.plus(Duration.ofHours(limit.amount()));
            case DAYS -> start.atZone(zone).plusDays(limit.amount()).toInstant();
            case WORKING_HOURS -> addWorkingHours(start, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> addWorkingDays(start, limit.amount());
        };
    }

    /** {@code end} minus the limit in its own unit. */
    public Instant minus(Instant end, TimeLimit limit) {
        return switch (limit.unit()) {
            case MINUTES -> end.minus(Duration.ofMinutes(limit.amount()));
            case HOURS -> end.minus(Duration.ofHours(limit.amount()));
            case DAYS -> end.atZone(zone).minusDays(limit.amount()).toInstant();
            case WORKING_HOURS -> subtractWorkingHours(end, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> subtractWorkingDays(end, limit.amount());
        };
    }

    /** Working days of {@code year} with the calendar as it stands. */
    public int workingDays(int year) {
        DayTable t = table();
        return DayTable.workingDays(year, t::working);
    }

    /** Reads the table again. */
    public synchronized void reload() {
        String fingerprint = repository.fingerprint();
        table = DayTable.of(repository.all(), fingerprint);
        log.debug("working calendar loaded: {} stored days", table.overrides().size());
    }

    /** Reloads when the stored table differs from the one held (another node changed it); true if it did. */
    public boolean refreshIfChanged() {
        DayTable held = table;
        if (held != null && held.fingerprint().equals(repository.fingerprint())) {
            return false;
        }
        reload();
        return true;
    }

    /** Reloads once the current transaction commits (at once without one), so readers never see a rolled-back day. */
    void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private DayTable table() {
        DayTable t = table;
        if (t == null) {
            reload();
            t = table;
        }
        return t;
    }

    private static LocalDate nextWorkingDay(DayTable t, LocalDate after) {
        LocalDate d = after.plusDays(1);
        for (int i = 0; i < MAX_DAYS && !t.working(d); i++) {
            d = d.plusDays(1);
        }
        return requireWorking(t, d);
    }

    private static LocalDate previousWorkingDay(DayTable t, LocalDate before) {
        LocalDate d = before.minusDays(1);
        for (int i = 0; i < MAX_DAYS && !t.working(d); i++) {
            d = d.minusDays(1);
        }
        return requireWorking(t, d);
    }

    private static LocalDate requireWorking(DayTable t, LocalDate d) {
        if (!t.working(d)) {
            throw new IllegalStateException("the calendar has no working day within " + MAX_DAYS + " days");
        }
        return d;
    }

    private static void requireNotNegative(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working hours must not be negative: " + amount);
        }
    }
}
