package org.cityos.spatial;

import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes that stop a division command. */
public final class DivisionProblems {
    private DivisionProblems() {}

    /** No division has this code. */
    public static final class UnknownDivision extends DomainProblem {
        public UnknownDivision(DivisionCode code) {
            super(ProblemKind.NOT_FOUND, "unknown-division", "problem.unknown-division", code.value());
        }
    }

    /** A division with this code exists already. */
    public static final class DivisionAlreadyExists extends DomainProblem {
        public DivisionAlreadyExists(DivisionCode code) {
            super(ProblemKind.CONFLICT, "division-exists", "problem.division-exists", code.value());
        }
    }

    /** The division was changed since the caller read it. */
    public static final class DivisionChangedConcurrently extends DomainProblem {
        public DivisionChangedConcurrently(DivisionCode code, int expected) {
            super(ProblemKind.CONFLICT, "concurrent-change", "problem.division-version", code.value(), expected);
        }
    }
}
