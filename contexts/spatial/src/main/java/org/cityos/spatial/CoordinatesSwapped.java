package org.cityos.spatial;

import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.ProblemKind;

/** The coordinates look like latitude and longitude given the wrong way round. */
public final class CoordinatesSwapped extends DomainProblem {
    public CoordinatesSwapped(double lon, double lat) {
        super(ProblemKind.INVALID, "coordinates-swapped", "problem.coordinates-swapped", lon, lat, lat, lon);
    }
}
