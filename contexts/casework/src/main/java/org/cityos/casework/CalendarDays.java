package org.cityos.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.calendar.CalendarCsv;
import org.cityos.casework.internal.calendar.CalendarRows;
import org.cityos.casework.internal.calendar.DayTable;
import org.cityos.casework.persistence.CalendarDayRepository;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the working calendar: read a year (CASE_READ), set or remove one day, or replace a whole year by an
 * import (CASE_CONFIGURE, audited). An import with any faulty row writes nothing and reports every faulty row.
 */
@Service
public class CalendarDays {
    private final CalendarDayRepository repository;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    public CalendarDays(CalendarDayRepository repository, WorkingCalendar calendar, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The year's stored days; the current year (Beijing time) when {@code year} is null. */
    public CalendarYear year(Actor actor, Integer year) {
        requireRead(actor);
        int y = year == null ? LocalDate.now(clock.withZone(calendar.zone())).getYear() : year;
        requireYear(y);
        return new CalendarYear(y, repository.year(y), calendar.workingDays(y));
    }

    @Transactional
    public CalendarDay set(Actor actor, LocalDate date, String kind, String name) {
        actor.require(Permission.CASE_CONFIGURE);
        requireYear(date.getYear());
        List<FieldIssue> issues = CalendarRows.checkDay(kind, name);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        CalendarDay day = new CalendarDay(
                date,
                CalendarRows.kind(kind).orElseThrow(),
                CalendarRows.name(name).orElseThrow());
        var before = repository.find(date);
        repository.put(day, actor.id(), clock.instant());
        Map<String, Object> details = new HashMap<>();
        details.put("kind", day.kind().name());
        details.put("name", day.name());
        before.ifPresent(b -> details.put("before", b.kind().name() + " " + b.name()));
        audit.record(actor, "casework.calendar.day-set", "calendar-day", date.toString(), details);
        calendar.reloadAfterCommit();
        return day;
    }

    @Transactional
    public void remove(Actor actor, LocalDate date) {
        actor.require(Permission.CASE_CONFIGURE);
        CalendarDay before = repository.find(date).orElseThrow(() -> new NotFound("calendar day", date));
        repository.delete(date);
        audit.record(
                actor,
                "casework.calendar.day-removed",
                "calendar-day",
                date.toString(),
                Map.of("kind", before.kind().name(), "name", before.name()));
        calendar.reloadAfterCommit();
    }

    /** Replaces the year with the CSV's rows ({@code date,kind,name}). */
    @Transactional
    public CalendarYear importCsv(Actor actor, int year, String csv) {
        actor.require(Permission.CASE_CONFIGURE);
        CalendarCsv.Read read = CalendarCsv.read(csv);
        return replace(actor, year, read.rows(), read.issues(), "csv");
    }

    /** Replaces the year with the rows (from JSON). */
    @Transactional
    public CalendarYear importRows(Actor actor, int year, List<CalendarImportRow> rows) {
        actor.require(Permission.CASE_CONFIGURE);
        return replace(actor, year, rows, List.of(), "json");
    }

    private CalendarYear replace(
            Actor actor, int year, List<CalendarImportRow> rows, List<FieldIssue> unreadable, String format) {
        requireYear(year);
        CalendarRows.Checked checked = CalendarRows.check(year, rows);
        if (!unreadable.isEmpty() || !checked.issues().isEmpty()) {
            List<FieldIssue> issues = new ArrayList<>(unreadable);
            issues.addAll(checked.issues());
            throw new InvalidInput(issues);
        }
        int before = repository.year(year).size();
        repository.replaceYear(year, checked.days(), actor.id(), clock.instant());
        DayTable imported = DayTable.of(checked.days(), "");
        int workingDays = DayTable.workingDays(year, imported::working);
        audit.record(
                actor,
                "casework.calendar.imported",
                "calendar-year",
                String.valueOf(year),
                Map.of(
                        "format", format,
                        "days", checked.days().size(),
                        "replaced", before,
                        "workingDays", workingDays));
        calendar.reloadAfterCommit();
        return new CalendarYear(year, checked.days(), workingDays);
    }

    private static void requireRead(Actor actor) {
        if (!actor.has(Permission.CASE_READ) && !actor.has(Permission.CASE_CONFIGURE)) {
            throw new AccessDenied("problem.missing-permission", Permission.CASE_READ.name());
        }
    }

    private static void requireYear(int year) {
        if (!CalendarRows.validYear(year)) {
            throw InvalidInput.of(
                    "year",
                    "casework.calendar.year",
                    String.valueOf(CalendarRows.FIRST_YEAR),
                    String.valueOf(CalendarRows.LAST_YEAR));
        }
    }
}
