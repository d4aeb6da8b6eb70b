package org.cityos.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * The validated metadata of one version of an entry: exactly what the ledger's content digest covers.
 *
 * @param sharingCondition conditions when sharing is conditional, the reason when not shared, else null
 */
public record EntryContent(
        ResourceCode code,
        EntryStatus status,
        String name,
        String providerDepartment,
        String summary,
        ResourceFormat format,
        SharingType sharingType,
        String sharingCondition,
        OpenType openType,
        UpdateCycle updateCycle,
        LocalDate releaseDate,
        String contactName,
        String contactPhone,
        List<DataItem> items) {

    public EntryContent {
        items = List.copyOf(items);
    }

    public EntryContent withStatus(EntryStatus newStatus) {
        return new EntryContent(
                code,
                newStatus,
                name,
                providerDepartment,
                summary,
                format,
                sharingType,
                sharingCondition,
                openType,
                updateCycle,
                releaseDate,
                contactName,
                contactPhone,
                items);
    }
}
