package org.cityos.casework.web;

import java.util.List;
import java.util.Locale;
import org.cityos.casework.CategoryImportReport;
import org.springframework.context.MessageSource;

/** An import report with its errors in the caller's language. */
public record CategoryImportView(
        boolean dryRun,
        boolean replace,
        boolean applied,
        int rows,
        int created,
        int updated,
        int unchanged,
        int deactivated,
        List<Error> errors) {

    /** Why a row cannot be imported: the row as a spreadsheet numbers it (header = 1), the column, the reason. */
    public record Error(int row, String column, String message) {}

    static CategoryImportView of(CategoryImportReport r, MessageSource messages, Locale locale) {
        return new CategoryImportView(
                r.dryRun(),
                r.replace(),
                r.applied(),
                r.rows(),
                r.created(),
                r.updated(),
                r.unchanged(),
                r.deactivated(),
                r.errors().stream()
                        .map(e -> new Error(
                                e.row(),
                                e.column(),
                                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))
                        .toList());
    }
}
