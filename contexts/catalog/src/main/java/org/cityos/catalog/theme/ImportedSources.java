package org.cityos.catalog.theme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cityos.catalog.Catalog;
import org.cityos.catalog.CatalogEntry;
import org.cityos.catalog.DataItem;
import org.cityos.catalog.ItemType;
import org.cityos.kernel.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows uploaded for a catalogue entry (quality's imports, JSONB per row) as theme sources named
 * {@code imported:<entry code>}. Their columns are the entry's data items — personal ones left out — with integer
 * and decimal items as numbers (a value that is not one reads as null) and the rest as text, plus {@code row_no}.
 */
class ImportedSources {
    static final String PREFIX = "imported:";
    private static final Actor READER = Actor.system("catalog-themes");
    private static final Pattern ITEM = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final Catalog catalog;

    ImportedSources(DataSource dataSource, Catalog catalog) {
        this.jdbc = JdbcClient.create(dataSource);
        this.catalog = catalog;
    }

    List<ThemeSource> sources() {
        List<ThemeSource> sources = new ArrayList<>();
        for (String code : jdbc.sql("SELECT entry_code FROM catalog_quality_binding WHERE source = 'imported'"
                        + " AND imported_at IS NOT NULL ORDER BY entry_code")
                .query(String.class)
                .list()) {
            CatalogEntry entry = catalog.get(READER, code, false);
            Map<String, ColumnType> columns = new LinkedHashMap<>();
            columns.put("row_no", ColumnType.NUMBER);
            for (DataItem item : entry.items()) {
                if (!item.personal()
                        && ITEM.matcher(item.name()).matches()
                        && !item.name().equals("row_no")) {
                    columns.put(
                            item.name(),
                            item.type() == ItemType.INTEGER || item.type() == ItemType.DECIMAL
                                    ? ColumnType.NUMBER
                                    : ColumnType.TEXT);
                }
            }
            sources.add(new ThemeSource(
                    PREFIX + code, "catalog_quality_row", "Rows uploaded for " + entry.name(), columns));
        }
        return sources;
    }
}
