package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The default policy of an urgency (prefix "") may be changed but not deleted: every case needs deadlines. */
public final class DefaultPolicyRequired extends DomainProblem {
    public DefaultPolicyRequired(Urgency urgency) {
        super(ProblemKind.CONFLICT, "default-deadline-policy", "problem.default-deadline-policy", urgency.name());
    }
}
