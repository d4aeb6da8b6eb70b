package org.cityos.basedata;

import java.time.Instant;
import java.util.List;

/**
 * What an import did with a department file: rows with an issue were skipped whole (never stored in
 * part) and are listed here; the other rows were stored as source records.
 *
 * @param issues the first {@link #MAX_LISTED} issues; {@code rowsRejected} counts them all
 */
public record ImportReport(
        long batchId,
        String kind,
        String department,
        String fileName,
        String charset,
        Instant receivedAt,
        int rowsRead,
        int rowsStored,
        int rowsRejected,
        List<RowIssue> issues,
        boolean synthetic) {
    public static final int MAX_LISTED = 1000;

    public ImportReport {
        issues = List.copyOf(issues);
    }
}
