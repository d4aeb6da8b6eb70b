package org.cityos.spatial.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.Road;
import org.cityos.spatial.RoadMap;
import org.cityos.spatial.internal.layers.FeatureParameters;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roads in a view as GeoJSON lines ({@code name}, {@code class}, {@code synthetic}) for the cockpit's road layer;
 * without a bbox, the first roads anywhere.
 */
@RestController
public class RoadController {
    private final RoadMap roads;

    public RoadController(RoadMap roads) {
        this.roads = roads;
    }

    @GetMapping(path = "/api/roads", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> roads(
            Actor actor, @RequestParam(required = false) String bbox, @RequestParam(required = false) Integer limit) {
        FeatureBox box = FeatureParameters.bbox(bbox);
        List<Road> found = roads.within(actor, box == null ? FeatureBox.WORLD : box, limit == null ? 2_000 : limit);
        return Map.of(
                "type",
                "FeatureCollection",
                "features",
                found.stream().map(RoadController::feature).toList());
    }

    private static Map<String, Object> feature(Road road) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", road.id());
        properties.put("name", road.name());
        properties.put("class", road.roadClass().name());
        properties.put("synthetic", road.synthetic());
        List<double[]> line = Arrays.stream(road.geometry().getCoordinates())
                .map(c -> new double[] {c.x, c.y})
                .toList();
        return Map.of(
                "type",
                "Feature",
                "id",
                road.id(),
                "geometry",
                Map.of("type", "LineString", "coordinates", line),
                "properties",
                properties);
    }
}
