package org.cityos.spatial;

import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.persistence.RoadRepository;
import org.springframework.stereotype.Service;

/** The road network as a map layer: the roads in a view, for anyone who may read divisions. */
@Service
public class RoadMap {
    public static final int MAX_ROADS = 5_000;

    private final RoadRepository roads;

    public RoadMap(RoadRepository roads) {
        this.roads = roads;
    }

    /** Roads whose box meets {@code box}, at most {@code limit} (1 … {@link #MAX_ROADS}), in a stable order. */
    public List<Road> within(Actor actor, FeatureBox box, int limit) {
        actor.require(Permission.DIVISION_READ);
        if (limit < 1 || limit > MAX_ROADS) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_ROADS);
        }
        return roads.within(box.envelope(), limit);
    }
}
