package org.cityos.iot;

import java.time.Instant;
import java.util.List;

/**
 * A device import as anyone polling it sees it: rows read so far, how many were imported (new), how
 * many already existed (same vendor and serial — re-importing a file adds nothing), how many failed,
 * and the row issues. For a dry run the counts say what would happen; nothing is kept.
 */
public record DeviceImportJob(
        DeviceImportId id,
        String actorId,
        String filename,
        String format,
        boolean dryRun,
        State state,
        int rowsRead,
        int imported,
        int existing,
        int failed,
        String messageKey,
        List<Object> messageArgs,
        List<Issue> issues,
        long issueCount,
        Instant createdAt,
        Instant finishedAt) {

    public DeviceImportJob {
        messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
        issues = List.copyOf(issues);
    }

    /** The same job with these issues (the first ones) and this many in all. */
    public DeviceImportJob withIssues(List<Issue> issues, long issueCount) {
        return new DeviceImportJob(
                id,
                actorId,
                filename,
                format,
                dryRun,
                state,
                rowsRead,
                imported,
                existing,
                failed,
                messageKey,
                messageArgs,
                issues,
                issueCount,
                createdAt,
                finishedAt);
    }

    /** QUEUED and RUNNING change; SUCCEEDED and FAILED are final. */
    public enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    /** Why one row was not imported; {@code row} counts data rows from 1 (the header is not counted). */
    public record Issue(int row, String field, String messageKey, List<String> args) {
        public Issue {
            args = List.copyOf(args);
        }
    }
}
