package org.cityos.catalog.theme;

import java.util.List;

/**
 * One table of a theme as its definer writes it: what to read ({@code source}, a name of the allow-list), which
 * columns to put out, which rows to keep, and which output columns identify a row. When any column aggregates,
 * the table is grouped by all the others — as SQL would demand anyway — so there is no separate group-by list.
 *
 * @param name the table's name within its theme ({@code [a-z][a-z0-9_]{0,29}})
 * @param title a human title, optional
 * @param scopeColumn an output column holding a division code: readers see only rows of their divisions
 * @param key output columns unique in the result (every grouping column when grouped)
 */
public record TableSpec(
        String name,
        String title,
        String source,
        List<ColumnSpec> columns,
        List<FilterSpec> filters,
        String scopeColumn,
        List<String> key) {

    public TableSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? List.of() : List.copyOf(filters);
        key = key == null ? List.of() : List.copyOf(key);
    }

    /**
     * One output column: a source column as it is, bucketed by time ({@code hour}, {@code day}, {@code month}), or
     * aggregated ({@code count}, {@code count_distinct}, {@code sum}, {@code avg}, {@code min}, {@code max}).
     * {@code sum} over a boolean column counts its true values.
     *
     * @param ifNull for a plain text column: the value standing in for an unknown one (a key may not be unknown)
     */
    public record ColumnSpec(String column, String as, String aggregate, String bucket, String ifNull) {
        public boolean aggregated() {
            return aggregate != null;
        }
    }

    /**
     * A condition on a source column, applied before grouping. Operators: {@code eq ne lt le gt ge} (one value),
     * {@code in} (values), {@code is_null not_null} (none), {@code within} (an ISO-8601 duration back from the
     * refresh's time, timestamp and date columns only).
     */
    public record FilterSpec(String column, String op, String value, List<String> values) {
        public FilterSpec {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
