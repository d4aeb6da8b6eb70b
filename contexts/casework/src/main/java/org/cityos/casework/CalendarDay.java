package org.cityos.casework;

import java.time.LocalDate;

/** One exception to the default week, e.g. 2026-10-01 HOLIDAY 国庆节 or 2026-10-10 WORKDAY 国庆节调休上班. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
    public CalendarDay {
        if (date == null || kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a calendar day has a date, a kind and a name");
        }
    }
}
