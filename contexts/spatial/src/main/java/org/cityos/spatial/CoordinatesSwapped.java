package org.cityos.spatial;

import java.util.List;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.ProblemKind;

/** The coordinates look like latitude and longitude given the wrong way round; the corrected pair is in the detail. */
public final class CoordinatesSwapped extends DomainProblem {
    public CoordinatesSwapped(double lon, double lat) {
        super(
                ProblemKind.INVALID,
                "coordinates-swapped",
                "problem.coordinates-swapped",
                List.of(
                        new FieldIssue("lon", "problem.coordinates-swapped-field", lat),
                        new FieldIssue("lat", "problem.coordinates-swapped-field", lon)),
                lon,
                lat,
                lat,
                lon);
    }
}
