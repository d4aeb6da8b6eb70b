package org.cityos.iot.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cityos.iot.DeviceImportId;
import org.cityos.iot.DeviceImportJob;
import org.springframework.context.MessageSource;

/**
 * A device import job as the API shows it: the job's fields, and its outcome and each row issue also in words in
 * the caller's language, so the web page's error report (row, column, reason) needs no copy of the message texts.
 */
public record DeviceImportView(
        DeviceImportId id,
        String actorId,
        String filename,
        String format,
        boolean dryRun,
        DeviceImportJob.State state,
        int rowsRead,
        int imported,
        int existing,
        int failed,
        String messageKey,
        List<Object> messageArgs,
        String message,
        List<Issue> issues,
        long issueCount,
        Instant createdAt,
        Instant finishedAt) {

    /** Why one row was not imported: the stable key and its arguments for programs, the message for people. */
    public record Issue(int row, String field, String messageKey, List<String> args, String message) {}

    static DeviceImportView of(DeviceImportJob job, MessageSource messages, Locale locale) {
        List<Issue> issues = job.issues().stream()
                .map(i -> new Issue(
                        i.row(),
                        i.field(),
                        i.messageKey(),
                        i.args(),
                        messages.getMessage(i.messageKey(), i.args().toArray(), i.messageKey(), locale)))
                .toList();
        String message = job.messageKey() == null
                ? null
                : messages.getMessage(job.messageKey(), job.messageArgs().toArray(), job.messageKey(), locale);
        return new DeviceImportView(
                job.id(),
                job.actorId(),
                job.filename(),
                job.format(),
                job.dryRun(),
                job.state(),
                job.rowsRead(),
                job.imported(),
                job.existing(),
                job.failed(),
                job.messageKey(),
                job.messageArgs(),
                message,
                issues,
                job.issueCount(),
                job.createdAt(),
                job.finishedAt());
    }
}
