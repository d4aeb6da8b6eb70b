package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The action does not apply to the case as it stands (e.g. signing a closed case): 409, nothing changed. */
public final class CaseNotInState extends DomainProblem {
    public CaseNotInState(CaseAction action, CaseStatus status) {
        super(ProblemKind.CONFLICT, "case-not-in-state", "problem.case-not-in-state", action.name(), status.name());
    }
}
