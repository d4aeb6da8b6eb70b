package org.cityos.spatial;

import java.util.List;

/**
 * What an import did, row by row: good rows are applied (unless {@code dryRun}), bad rows are
 * listed with the reason and applied nowhere.
 */
public record DivisionImportReport(
        boolean dryRun, int rows, int created, int updated, int unchanged, int failed, List<RowIssue> issues) {}
