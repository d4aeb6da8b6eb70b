package org.cityos.catalog;

import java.util.List;

/**
 * A catalogue entry as someone submits it (API body or one file row), before validation: vocabulary values
 * as names or Chinese labels, the release date as ISO text. {@code sharingCondition} holds the conditions of
 * conditional sharing or the reason a resource is not shared.
 */
public record EntryDraft(
        String code,
        String name,
        String providerDepartment,
        String summary,
        String format,
        String sharingType,
        String sharingCondition,
        String openType,
        String updateCycle,
        String releaseDate,
        String contactName,
        String contactPhone,
        List<ItemDraft> items) {

    /** One data item as submitted; {@code personal} defaults to false. */
    public record ItemDraft(String name, String chineseName, String type, Boolean personal) {}
}
