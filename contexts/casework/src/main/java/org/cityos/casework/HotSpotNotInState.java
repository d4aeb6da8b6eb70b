package org.cityos.casework;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** A closed hot spot is neither acknowledged nor closed again; an acknowledged one is not acknowledged twice: 409. */
public final class HotSpotNotInState extends DomainProblem {
    public HotSpotNotInState(String id, HotSpotStatus status) {
        super(ProblemKind.CONFLICT, "hotspot-not-in-state", "problem.hotspot-not-in-state", id, status.name());
    }
}
