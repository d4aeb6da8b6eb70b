package org.cityos.catalog.web;

import java.util.List;
import org.cityos.catalog.EntryDraft;
import org.cityos.catalog.EntryDraft.ItemDraft;

/**
 * The body of POST and PUT: an entry's metadata, and on PUT the reason for the change (required).
 * {@code sharingCondition} holds the conditions (conditional sharing) or the reason (not shared).
 */
public record EntryRequest(
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
        Contact contact,
        List<ItemDraft> items,
        String reason) {

    /** The contact person; personal data. */
    public record Contact(String name, String phone) {}

    EntryDraft draft(String pathCode) {
        return new EntryDraft(
                code == null ? pathCode : code,
                name,
                providerDepartment,
                summary,
                format,
                sharingType,
                sharingCondition,
                openType,
                updateCycle,
                releaseDate,
                contact == null ? null : contact.name(),
                contact == null ? null : contact.phone(),
                items);
    }
}
