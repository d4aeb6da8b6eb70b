package org.cityos.iot;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The store could not take the message (database or bus unreachable); nothing was acknowledged (HTTP 503). */
public final class IngestUnavailable extends DomainProblem {
    public IngestUnavailable(Throwable cause) {
        super(ProblemKind.UNAVAILABLE, "ingest-unavailable", "problem.ingest-unavailable");
        initCause(cause);
    }
}
