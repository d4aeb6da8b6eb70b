package org.cityos.catalog;

import java.util.List;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a catalogue command, each with a stable type and a localised message. */
public final class CatalogProblems {
    private CatalogProblems() {}

    /** No entry has this code: 404. */
    public static final class UnknownEntry extends DomainProblem {
        public UnknownEntry(String code) {
            super(ProblemKind.NOT_FOUND, "unknown-catalog-entry", "problem.unknown-catalog-entry", code);
        }
    }

    /** An entry with this code exists already (perhaps retired; codes are never reused): 409. */
    public static final class EntryExists extends DomainProblem {
        public EntryExists(String code) {
            super(ProblemKind.CONFLICT, "catalog-entry-exists", "problem.catalog-entry-exists", code);
        }
    }

    /** The entry is retired and cannot be changed any more: 409. */
    public static final class EntryRetired extends DomainProblem {
        public EntryRetired(String code) {
            super(ProblemKind.CONFLICT, "catalog-entry-retired", "problem.catalog-entry-retired", code);
        }
    }

    /** The uploaded file is neither a CSV nor an .xlsx workbook, or is malformed: 400. */
    public static final class UnreadableCatalogFile extends DomainProblem {
        public UnreadableCatalogFile(String reason) {
            super(ProblemKind.INVALID, "unreadable-catalog-file", "problem.unreadable-catalog-file", reason);
        }
    }

    /** The uploaded file exceeds the import limit: 413. */
    public static final class CatalogFileTooLarge extends DomainProblem {
        public CatalogFileTooLarge(long maxBytes) {
            super(ProblemKind.TOO_LARGE, "catalog-file-too-large", "problem.catalog-file-too-large", maxBytes);
        }
    }

    /** An import found errors and wrote nothing: 400, one field error per faulty cell ({@code rows[n].column}). */
    public static final class CatalogImportRejected extends DomainProblem {
        public CatalogImportRejected(List<FieldIssue> issues, int rows) {
            super(ProblemKind.INVALID, "catalog-import-rejected", "problem.catalog-import-rejected", issues, rows);
        }
    }
}
