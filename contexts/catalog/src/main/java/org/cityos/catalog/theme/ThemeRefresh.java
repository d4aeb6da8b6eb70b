package org.cityos.catalog.theme;

import java.time.Instant;

/**
 * One refresh of a theme table. A failed refresh leaves the table's last good rows in place.
 *
 * @param rows the table's rows after it, null when it failed
 * @param error why it failed, null when it did not
 */
public record ThemeRefresh(
        long id,
        String theme,
        String table,
        int version,
        Trigger trigger,
        Instant startedAt,
        Instant finishedAt,
        Long rows,
        Outcome outcome,
        String error) {

    public enum Trigger {
        /** The definition was saved: the view was built with its first rows. */
        DEFINE,
        DEMAND,
        SCHEDULE
    }

    public enum Outcome {
        OK,
        FAILED,
        /** Another node (or request) was refreshing it at that moment; not recorded. */
        BUSY
    }
}
