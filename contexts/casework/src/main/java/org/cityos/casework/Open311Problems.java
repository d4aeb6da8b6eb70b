package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The outcomes that stop a public (Open311) request, each with a stable type and a localised message. */
public final class Open311Problems {
    private Open311Problems() {}

    /** A request names a service that is not in the public catalogue (or is no longer offered): 400. */
    public static final class UnknownService extends DomainProblem {
        public UnknownService(String code) {
            super(ProblemKind.INVALID, "open311-unknown-service", "open311.unknown-service", String.valueOf(code));
        }
    }

    /** A request says neither where (lat and long) nor which address: 400. */
    public static final class LocationRequired extends DomainProblem {
        public LocationRequired() {
            super(ProblemKind.INVALID, "open311-location-required", "open311.location-required");
        }
    }
}
