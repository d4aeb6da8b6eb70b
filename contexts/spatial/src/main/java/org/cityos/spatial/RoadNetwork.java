package org.cityos.spatial;

import java.util.List;
import org.cityos.spatial.internal.geocoding.RoadGenerator;
import org.locationtech.jts.geom.Geometry;

/** A district's roads: what addresses, street lights, bus routes and the basemap are laid along. */
public record RoadNetwork(List<Road> roads) {
    public RoadNetwork {
        roads = List.copyOf(roads);
    }

    /**
     * A synthetic, plausible network inside {@code outline} (WGS84): bent arterials crossing the
     * district, street grids around the seats, village roads between. Pure and deterministic: the
     * same seed, outline and seats give the same roads and names.
     */
    public static RoadNetwork generate(long seed, Geometry outline, List<RoadSeat> seats) {
        return new RoadNetwork(new RoadGenerator(seed, outline, seats).generate());
    }

    public long count(RoadClass roadClass) {
        return roads.stream().filter(r -> r.roadClass() == roadClass).count();
    }
}
