package org.cityos.casework;

/** One row of a calendar import as written, checked only on import; {@code row} is what an error points at. */
public record CalendarImportRow(int row, String date, String kind, String name) {}
