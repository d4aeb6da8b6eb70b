package org.cityos.http;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** No valid credentials came with a request that needs them. */
public final class Unauthenticated extends DomainProblem {
    public Unauthenticated() {
        super(ProblemKind.UNAUTHENTICATED, "unauthenticated", "problem.unauthenticated");
    }
}
