package org.cityos.spatial;

import java.util.List;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.ProblemKind;

/** Outcomes of geocoding requests that stop them. */
public final class GeocodingProblems {
    private GeocodingProblems() {}

    /** Longitude and latitude were given the wrong way round; the corrected pair is in the detail. */
    public static final class CoordinatesSwapped extends DomainProblem {
        public CoordinatesSwapped(double lon, double lat) {
            super(
                    ProblemKind.INVALID,
                    "coordinates-swapped",
                    "problem.coordinates-swapped",
                    List.of(
                            new FieldIssue("lon", "problem.coordinates-swapped-field", lat),
                            new FieldIssue("lat", "problem.coordinates-swapped-field", lon)),
                    Double.toString(lat),
                    Double.toString(lon));
        }
    }

    /** Seeding writes into empty tables only, so a restart never doubles the gazetteer. */
    public static final class GazetteerNotEmpty extends DomainProblem {
        public GazetteerNotEmpty(long rows) {
            super(ProblemKind.CONFLICT, "gazetteer-not-empty", "problem.gazetteer-not-empty", rows);
        }
    }
}
