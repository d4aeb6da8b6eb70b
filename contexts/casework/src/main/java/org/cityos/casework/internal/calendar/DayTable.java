package org.cityos.casework.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cityos.casework.CalendarDay;
import org.cityos.casework.DayKind;

/**
 * The calendar as one node holds it: the default week overridden by the stored days, and the fingerprint of the
 * table it was read from, so a periodic check can tell whether another node changed it.
 */
public record DayTable(Map<LocalDate, DayKind> overrides, String fingerprint) {
    public DayTable {
        overrides = Map.copyOf(overrides);
    }

    public static DayTable of(List<CalendarDay> days, String fingerprint) {
        return new DayTable(
                days.stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind, (a, b) -> b)),
                fingerprint);
    }

    /** Stored days win; otherwise Monday to Friday work and the weekend rests. */
    public boolean working(LocalDate date) {
        DayKind kind = overrides.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Working days of the whole year with these overrides and any extra ones (for checking an import). */
    public static int workingDays(int year, Function<LocalDate, Boolean> working) {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (working.apply(d)) {
                count++;
            }
        }
        return count;
    }
}
