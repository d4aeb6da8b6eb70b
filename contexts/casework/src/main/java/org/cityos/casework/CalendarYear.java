package org.cityos.casework;

import java.util.List;

/**
 * A year of the working calendar: its exceptions in date order and, so an administrator can check an import at a
 * glance, how many working days the year has with them (2026: 248).
 */
public record CalendarYear(int year, List<CalendarDay> days, int workingDays) {
    public CalendarYear {
        days = List.copyOf(days);
    }
}
