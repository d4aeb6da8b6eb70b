package org.cityos.spatial;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes of geocoding requests that stop them. */
public final class GeocodingProblems {
    private GeocodingProblems() {}

    /** Seeding writes into empty tables only, so a restart never doubles the gazetteer. */
    public static final class GazetteerNotEmpty extends DomainProblem {
        public GazetteerNotEmpty(long rows) {
            super(ProblemKind.CONFLICT, "gazetteer-not-empty", "problem.gazetteer-not-empty", rows);
        }
    }
}
