package org.cityos.workflow;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The approval is no longer pending (decided, expired or withdrawn), so it cannot be decided or withdrawn again. */
public final class ApprovalClosed extends DomainProblem {
    public ApprovalClosed(ApprovalId id, ApprovalStatus status) {
        super(ProblemKind.CONFLICT, "approval-closed", "problem.approval-closed", id.value(), status.name());
    }
}
