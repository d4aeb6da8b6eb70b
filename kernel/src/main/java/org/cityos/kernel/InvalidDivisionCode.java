package org.cityos.kernel;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A string that cannot be a division code: not 12 or 15 digits, or a grid serial of 000. */
public final class InvalidDivisionCode extends DomainProblem {
    public InvalidDivisionCode(String value) {
        super(ProblemKind.INVALID, "invalid-division-code", "problem.invalid-division-code", value);
    }
}
