package org.cityos.catalog.theme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A theme as stored, with its tables' output columns and their last refreshes. */
public record Theme(
        String code,
        String nameZh,
        String nameEn,
        String description,
        String ownerDepartment,
        Duration refreshInterval,
        ThemeStatus status,
        boolean builtin,
        int version,
        String changedBy,
        Instant changedAt,
        List<ThemeTable> tables) {

    public enum ThemeStatus {
        ACTIVE,
        PAUSED
    }

    /**
     * One table: its spec, the materialised view holding its rows, the view's columns and its last refresh.
     *
     * @param lastRefresh null when it was never refreshed
     */
    public record ThemeTable(
            String name, String title, String view, TableSpec spec, List<Column> columns, ThemeRefresh lastRefresh) {}

    /** An output column and its PostgreSQL type. */
    public record Column(String name, String type) {}
}
