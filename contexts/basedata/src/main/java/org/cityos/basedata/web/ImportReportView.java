package org.cityos.basedata.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cityos.basedata.ImportReport;
import org.springframework.context.MessageSource;

/**
 * An import report as the API shows it: each skipped row's reason also in words, in the caller's language, so a
 * steward reading the report (or the web page showing it) need not look message keys up.
 */
public record ImportReportView(
        long batchId,
        String kind,
        String department,
        String fileName,
        String charset,
        Instant receivedAt,
        int rowsRead,
        int rowsStored,
        int rowsRejected,
        List<Issue> issues,
        boolean synthetic) {

    /** One skipped row: where, the message key (stable, for programs) and the message (for people). */
    public record Issue(int row, String field, String messageKey, String message) {}

    static ImportReportView of(ImportReport r, MessageSource messages, Locale locale) {
        List<Issue> issues = r.issues().stream()
                .map(i -> new Issue(
                        i.row(),
                        i.field(),
                        i.messageKey(),
                        messages.getMessage(i.messageKey(), null, i.messageKey(), locale)))
                .toList();
        return new ImportReportView(
                r.batchId(),
                r.kind(),
                r.department(),
                r.fileName(),
                r.charset(),
                r.receivedAt(),
                r.rowsRead(),
                r.rowsStored(),
                r.rowsRejected(),
                issues,
                r.synthetic());
    }
}
