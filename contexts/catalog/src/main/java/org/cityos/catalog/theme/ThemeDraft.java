package org.cityos.catalog.theme;

import java.util.List;

/**
 * A theme as its definer writes it, for creating or changing it.
 *
 * @param refreshInterval an ISO-8601 duration from 5 minutes to 31 days ({@code PT1H}, {@code P1D})
 * @param status {@code ACTIVE} (refreshed on schedule, the default) or {@code PAUSED} (only on demand)
 */
public record ThemeDraft(
        String code,
        String nameZh,
        String nameEn,
        String description,
        String ownerDepartment,
        String refreshInterval,
        String status,
        List<TableSpec> tables) {

    public ThemeDraft {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
