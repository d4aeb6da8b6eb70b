package org.cityos.catalog.persistence;

import java.util.List;

/**
 * What a search asks for; null or empty means "any".
 *
 * @param words each must occur in the name, summary or a data item's name (substring, case-insensitive)
 * @param includeRetired retired entries are left out unless asked for
 */
public record EntryFilter(
        List<String> words,
        String department,
        String sharingType,
        Integer resourceClass,
        String openType,
        boolean includeRetired) {

    public EntryFilter {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
