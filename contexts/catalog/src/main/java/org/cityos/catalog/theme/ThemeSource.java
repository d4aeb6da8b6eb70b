package org.cityos.catalog.theme;

import java.util.Map;

/**
 * A source of the allow-list ({@code catalog_share_source}) as themes see it: the view a migration created and
 * its columns with their types, read from the database's own catalogue.
 */
public record ThemeSource(String name, String relation, String description, Map<String, ColumnType> columns) {
    public ThemeSource {
        columns = Map.copyOf(columns);
    }
}
