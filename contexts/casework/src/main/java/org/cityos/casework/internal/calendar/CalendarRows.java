package org.cityos.casework.internal.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cityos.casework.CalendarDay;
import org.cityos.casework.CalendarImportRow;
import org.cityos.casework.DayKind;
import org.cityos.kernel.problem.FieldIssue;

/** The rules for calendar entries: one day, or the rows of a year's import, every fault reported with its row. */
public final class CalendarRows {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_NAME = 40;

    private CalendarRows() {}

    /** The days when every row is right, or else every row's faults and no days. */
    public record Checked(List<CalendarDay> days, List<FieldIssue> issues) {}

    public static Checked check(int year, List<CalendarImportRow> rows) {
        List<FieldIssue> issues = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        if (rows.isEmpty()) {
            // Importing nothing would silently turn every holiday of the year into a working day.
            issues.add(new FieldIssue("rows", "casework.calendar.no-rows", String.valueOf(year)));
        }
        if (rows.size() > 366) {
            issues.add(new FieldIssue("rows", "casework.calendar.too-many-rows", 366));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarImportRow row : rows) {
            String at = "rows[" + row.row() + "]";
            Optional<LocalDate> date = date(row.date());
            Optional<DayKind> kind = kind(row.kind());
            Optional<String> name = name(row.name());
            if (date.isEmpty()) {
                issues.add(new FieldIssue(at + ".date", "casework.calendar.date", String.valueOf(row.date())));
            } else if (date.get().getYear() != year) {
                issues.add(new FieldIssue(
                        at + ".date", "casework.calendar.outside-year", row.date(), String.valueOf(year)));
            } else if (!seen.add(date.get())) {
                issues.add(new FieldIssue(at + ".date", "casework.calendar.duplicate", row.date()));
            }
            if (kind.isEmpty()) {
                issues.add(new FieldIssue(at + ".kind", "casework.calendar.kind", String.valueOf(row.kind())));
            }
            if (name.isEmpty()) {
                issues.add(new FieldIssue(at + ".name", "casework.calendar.name", MAX_NAME));
            }
            if (date.isPresent() && kind.isPresent() && name.isPresent()) {
                days.add(new CalendarDay(date.get(), kind.get(), name.get()));
            }
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return issues.isEmpty() ? new Checked(List.copyOf(days), List.of()) : new Checked(List.of(), issues);
    }

    /** The day's faults as field issues of a single entry; empty when it is right. */
    public static List<FieldIssue> checkDay(String kind, String name) {
        List<FieldIssue> issues = new ArrayList<>();
        if (kind(kind).isEmpty()) {
            issues.add(new FieldIssue("kind", "casework.calendar.kind", String.valueOf(kind)));
        }
        if (name(name).isEmpty()) {
            issues.add(new FieldIssue("name", "casework.calendar.name", MAX_NAME));
        }
        return issues;
    }

    public static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** HOLIDAY or WORKDAY in any case, or the calendar's own words 休 and 班. */
    public static Optional<DayKind> kind(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.equals("休")) {
            return Optional.of(DayKind.HOLIDAY);
        }
        if (s.equals("班")) {
            return Optional.of(DayKind.WORKDAY);
        }
        try {
            return Optional.of(DayKind.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> name(String text) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_NAME) {
            return Optional.empty();
        }
        String s = text.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '<' || c == '>') {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    public static boolean validYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
