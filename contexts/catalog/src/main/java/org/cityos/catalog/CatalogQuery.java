package org.cityos.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * A search of the catalogue; null means "any".
 *
 * @param text words (split on white space) that must all occur in the name, summary or data items; Chinese
 *     text matches as a substring, so 人口 finds 人口基础信息
 */
public record CatalogQuery(
        String text,
        String department,
        SharingType sharingType,
        OpenType openType,
        Integer resourceClass,
        boolean includeRetired) {

    public static CatalogQuery all() {
        return new CatalogQuery(null, null, null, null, null, false);
    }

    List<String> words() {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }
}
