package org.cityos.catalog;

import java.util.List;
import org.cityos.kernel.problem.FieldIssue;

/**
 * What an import found and did. Imports are all-or-nothing: with any error nothing is written (a real import
 * then answers 400 with these errors); a dry run only reports.
 *
 * @param rows data rows read
 * @param created entries created (0 on a dry run or when there were errors)
 * @param errors one per faulty cell, named {@code rows[<spreadsheet row>].<column>} (the header is row 1)
 */
public record ImportReport(int rows, int created, boolean dryRun, List<FieldIssue> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
