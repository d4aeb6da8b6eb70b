package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/**
 * The actor's units hold no active assignment of the kind the action needs (e.g. a unit replying to a case it was
 * never given, or signing twice): 409, nothing changed.
 */
public final class CaseNotHeld extends DomainProblem {
    public CaseNotHeld(CaseAction action) {
        super(ProblemKind.CONFLICT, "case-not-held", "problem.case-not-held", action.name());
    }
}
