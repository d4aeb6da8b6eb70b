package org.cityos.http;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A request body over the configured limit. */
public final class PayloadTooLarge extends DomainProblem {
    public PayloadTooLarge(long limit) {
        super(ProblemKind.TOO_LARGE, "payload-too-large", "problem.payload-too-large", limit);
    }
}
