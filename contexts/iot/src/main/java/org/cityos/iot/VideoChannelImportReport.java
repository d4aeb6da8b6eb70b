package org.cityos.iot;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do): rows read, channels created, updated and left
 * unchanged (matched by GB id, so importing the same file twice changes nothing), rows failed, and
 * the first issues (all counted in {@code failed}; {@code issuesTruncated} when more exist).
 */
public record VideoChannelImportReport(
        String filename,
        boolean dryRun,
        int rowsRead,
        int created,
        int updated,
        int unchanged,
        int failed,
        List<VideoChannelImportIssue> issues,
        boolean issuesTruncated) {
    public VideoChannelImportReport {
        issues = List.copyOf(issues);
    }
}
