package org.cityos.spatial.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cityos.spatial.PoiImportJob;
import org.springframework.context.MessageSource;

/** An import job for the caller: counts, state, and every stored row issue in the caller's language. */
public record PoiImportView(
        String id,
        String filename,
        String format,
        String crs,
        boolean dryRun,
        String state,
        int rowsRead,
        int imported,
        int updated,
        int unchanged,
        int failed,
        String message,
        List<Issue> issues,
        long issueCount,
        Instant createdAt,
        Instant finishedAt) {

    /** Why one field of one row was not imported; {@code row} counts data rows from 1. */
    public record Issue(int row, String key, String field, String message) {}

    static PoiImportView of(PoiImportJob j, MessageSource messages, Locale locale) {
        String message = j.messageKey() == null
                ? null
                : messages.getMessage(j.messageKey(), j.messageArgs().toArray(), j.messageKey(), locale);
        return new PoiImportView(
                j.id().toString(),
                j.filename(),
                j.format(),
                j.crs(),
                j.dryRun(),
                j.state().name(),
                j.rowsRead(),
                j.imported(),
                j.updated(),
                j.unchanged(),
                j.failed(),
                message,
                j.issues().stream()
                        .map(i -> new Issue(
                                i.row(),
                                i.code(),
                                i.field(),
                                messages.getMessage(i.messageKey(), i.args(), i.messageKey(), locale)))
                        .toList(),
                j.issueCount(),
                j.createdAt(),
                j.finishedAt());
    }
}
