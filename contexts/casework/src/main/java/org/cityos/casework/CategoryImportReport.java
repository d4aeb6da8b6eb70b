package org.cityos.casework;

import java.util.List;

/**
 * What a category import did, or would do: a file with any error writes nothing, so the counts then say what the
 * file would have done once corrected.
 *
 * @param rows data rows read
 * @param deactivated categories missing from a replacing file, switched off (never deleted: cases refer to them)
 */
public record CategoryImportReport(
        boolean dryRun,
        boolean replace,
        int rows,
        int created,
        int updated,
        int unchanged,
        int deactivated,
        List<RowError> errors) {

    public CategoryImportReport {
        errors = List.copyOf(errors);
    }

    /** True when the file was written to the tree. */
    public boolean applied() {
        return !dryRun && errors.isEmpty();
    }

    /**
     * Why one row cannot be imported.
     *
     * @param row the row as a spreadsheet numbers it: the header is row 1, the first data row 2
     * @param column the column's header name, e.g. {@code parent}
     */
    public record RowError(int row, String column, String messageKey, Object... args) {}
}
