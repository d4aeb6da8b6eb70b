package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a category command, each with a stable type and a localised message. */
public final class CategoryProblems {
    private CategoryProblems() {}

    /** No category has this code: 404. */
    public static final class UnknownCategory extends DomainProblem {
        public UnknownCategory(String code) {
            super(ProblemKind.NOT_FOUND, "unknown-category", "problem.unknown-category", String.valueOf(code));
        }
    }

    /** A category with this code exists already (perhaps inactive): 409. */
    public static final class CategoryExists extends DomainProblem {
        public CategoryExists(String code) {
            super(ProblemKind.CONFLICT, "category-exists", "problem.category-exists", code);
        }
    }

    /** The uploaded file is neither a CSV nor an .xlsx workbook CityOS can read: 400. */
    public static final class UnreadableCategoryFile extends DomainProblem {
        public UnreadableCategoryFile(String reason) {
            super(ProblemKind.INVALID, "unreadable-category-file", "problem.unreadable-category-file", reason);
        }
    }

    /** The uploaded file exceeds the import limit: 413. */
    public static final class CategoryFileTooLarge extends DomainProblem {
        public CategoryFileTooLarge(long maxBytes) {
            super(ProblemKind.TOO_LARGE, "category-file-too-large", "problem.category-file-too-large", maxBytes);
        }
    }

    /**
     * An import found errors and wrote nothing: 400, one field error per faulty cell, named
     * {@code rows[<row>].<column>}.
     */
    public static final class CategoryImportRejected extends DomainProblem {
        public CategoryImportRejected(CategoryImportReport report) {
            super(
                    ProblemKind.INVALID,
                    "category-import-rejected",
                    "problem.category-import-rejected",
                    report.errors().stream()
                            .map(e -> new FieldIssue("rows[" + e.row() + "]." + e.column(), e.messageKey(), e.args()))
                            .toList(),
                    report.errors().size());
        }
    }
}
