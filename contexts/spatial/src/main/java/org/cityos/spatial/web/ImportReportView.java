package org.cityos.spatial.web;

import java.util.List;
import java.util.Locale;
import org.cityos.spatial.DivisionImportReport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns an import report's message keys into the caller's language. */
@Component
public class ImportReportView {
    private final MessageSource messages;

    public ImportReportView(MessageSource messages) {
        this.messages = messages;
    }

    public Report of(DivisionImportReport r, Locale locale) {
        return new Report(
                r.dryRun(),
                r.rows(),
                r.created(),
                r.updated(),
                r.unchanged(),
                r.failed(),
                r.issues().stream()
                        .map(i -> new Issue(
                                i.row(),
                                i.code(),
                                i.field(),
                                messages.getMessage(i.messageKey(), i.args(), i.messageKey(), locale)))
                        .toList());
    }

    /** The import's outcome, counts first, then one entry per rejected field of a row. */
    public record Report(
            boolean dryRun, int rows, int created, int updated, int unchanged, int failed, List<Issue> issues) {}

    /** Why a row was not applied. */
    public record Issue(int row, String code, String field, String message) {}
}
