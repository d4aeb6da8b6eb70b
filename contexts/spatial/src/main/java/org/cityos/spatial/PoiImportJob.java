package org.cityos.spatial;

import java.time.Instant;
import java.util.List;

/**
 * An import job as anyone may see it while it runs and after: rows read so far, how many were
 * imported (new), updated, unchanged and failed, the row-level issues, and when it ended why.
 * {@code imported + updated + unchanged} rows are in the database (for a dry run: would be); a
 * FAILED job names the row where reading stopped in {@code messageKey}/{@code messageArgs}.
 */
public record PoiImportJob(
        PoiImportId id,
        String actorId,
        String filename,
        String format,
        String crs,
        boolean dryRun,
        State state,
        int rowsRead,
        int imported,
        int updated,
        int unchanged,
        int failed,
        String messageKey,
        List<Object> messageArgs,
        List<RowIssue> issues,
        long issueCount,
        Instant createdAt,
        Instant finishedAt) {

    public PoiImportJob {
        messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
        issues = List.copyOf(issues);
    }

    /** The same job with these issues (the first ones) and this many in all. */
    public PoiImportJob withIssues(List<RowIssue> issues, long issueCount) {
        return new PoiImportJob(
                id,
                actorId,
                filename,
                format,
                crs,
                dryRun,
                state,
                rowsRead,
                imported,
                updated,
                unchanged,
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
        FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }
}
