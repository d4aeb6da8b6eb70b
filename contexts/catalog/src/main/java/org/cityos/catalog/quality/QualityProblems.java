package org.cityos.catalog.quality;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The ways a quality request fails, each with its problem type. */
public final class QualityProblems {
    private QualityProblems() {}

    /** The resource has no data source yet, so there is nothing to measure. */
    public static final class NoQualitySource extends DomainProblem {
        public NoQualitySource(String code) {
            super(ProblemKind.CONFLICT, "quality-no-source", "problem.quality-no-source", code);
        }
    }

    /** The resource has no rules, so a run would score nothing. */
    public static final class NoQualityRules extends DomainProblem {
        public NoQualityRules(String code) {
            super(ProblemKind.CONFLICT, "quality-no-rules", "problem.quality-no-rules", code);
        }
    }

    /** A named source's view does not exist in this installation (its context is not deployed). */
    public static final class SourceUnavailable extends DomainProblem {
        public SourceUnavailable(String source) {
            super(ProblemKind.CONFLICT, "quality-source-unavailable", "problem.quality-source-unavailable", source);
        }
    }

    /** An uploaded table that cannot be read, or has too many rows. */
    public static final class UnreadableRows extends DomainProblem {
        public UnreadableRows(String reason) {
            super(ProblemKind.INVALID, "quality-unreadable-rows", "problem.quality-unreadable-rows", reason);
        }
    }

    public static final class UnknownRule extends DomainProblem {
        public UnknownRule(long id) {
            super(ProblemKind.NOT_FOUND, "quality-unknown-rule", "problem.quality-unknown-rule", id);
        }
    }
}
