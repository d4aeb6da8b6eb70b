package org.cityos.iot;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Ingest is at capacity: the message was not accepted and should be sent again a little later (HTTP 503). */
public final class IngestOverloaded extends DomainProblem {
    public IngestOverloaded() {
        super(ProblemKind.UNAVAILABLE, "ingest-overloaded", "problem.ingest-overloaded");
    }
}
