package org.cityos.catalog.theme;

import java.util.Map;

/**
 * What a reader asks of a theme table.
 *
 * @param equals output column → value, rows whose column equals it
 * @param sort an output column, null for the key's order
 * @param after a cursor from the previous page (keyset paging, in key order only); null to page by offset
 * @param limit at most 1000
 */
public record RowQuery(
        Map<String, String> equals, String sort, boolean descending, String after, int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public RowQuery {
        equals = equals == null ? Map.of() : Map.copyOf(equals);
    }
}
