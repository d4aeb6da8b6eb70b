package org.cityos.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a catalogue entry as a reader sees it (the current one, or one from its history).
 *
 * @param version 1 for the first, one more for every change; also the entry's ETag
 * @param changedBy who made this version; {@code changedAt} when; {@code reason} why
 */
public record CatalogEntry(
        String code,
        int version,
        EntryStatus status,
        int resourceClass,
        String name,
        String providerDepartment,
        String summary,
        ResourceFormat format,
        SharingType sharingType,
        String sharingCondition,
        OpenType openType,
        UpdateCycle updateCycle,
        LocalDate releaseDate,
        Contact contact,
        List<DataItem> items,
        String changedBy,
        Instant changedAt,
        String reason) {

    public static CatalogEntry of(EntryContent c, int version, String changedBy, Instant changedAt, String reason) {
        return new CatalogEntry(
                c.code().value(),
                version,
                c.status(),
                c.code().resourceClass(),
                c.name(),
                c.providerDepartment(),
                c.summary(),
                c.format(),
                c.sharingType(),
                c.sharingCondition(),
                c.openType(),
                c.updateCycle(),
                c.releaseDate(),
                new Contact(c.contactName(), c.contactPhone(), false),
                c.items(),
                changedBy,
                changedAt,
                reason);
    }

    /** This version with its contact masked. */
    public CatalogEntry masked() {
        return withContact(contact.hidden());
    }

    public CatalogEntry withContact(Contact shown) {
        return new CatalogEntry(
                code,
                version,
                status,
                resourceClass,
                name,
                providerDepartment,
                summary,
                format,
                sharingType,
                sharingCondition,
                openType,
                updateCycle,
                releaseDate,
                shown,
                items,
                changedBy,
                changedAt,
                reason);
    }
}
