package org.cityos.spatial.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Places;
import org.cityos.spatial.PointInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Point → place over HTTP: the division path and grid of a point, in any accepted coordinate system. */
@RestController
@RequestMapping("/api/places")
public class PlaceController {
    private final Places places;

    public PlaceController(Places places) {
        this.places = places;
    }

    /** The answer: the point as given and in WGS84, whether it is inside, and the path down to the grid. */
    public record PlacementView(
            Map<String, Object> point,
            boolean inside,
            List<Map<String, Object>> path,
            String town,
            String community,
            String grid,
            boolean synthetic) {}

    @GetMapping("/locate")
    public PlacementView locate(
            Actor actor,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) String crs) {
        actor.require(Permission.DIVISION_READ);
        GeoPoint wgs84 = PointInput.wgs84(lon, lat, crs);
        Placement placement = places.locate(wgs84);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lon", lon);
        point.put("lat", lat);
        point.put("crs", Crs.parse(crs).orElseThrow().name());
        point.put("wgs84", Map.of("lon", wgs84.lon(), "lat", wgs84.lat()));
        List<Map<String, Object>> path = placement.path().stream()
                .map(d -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", d.code().value());
                    m.put("level", d.code().level().name());
                    m.put("name", d.name());
                    m.put("kind", d.kind().name());
                    m.put("synthetic", d.synthetic());
                    return m;
                })
                .toList();
        return new PlacementView(
                point,
                placement.inside(),
                path,
                placement.town().map(DivisionCode::value).orElse(null),
                placement.community().map(DivisionCode::value).orElse(null),
                placement.grid().map(DivisionCode::value).orElse(null),
                placement.path().stream().anyMatch(Placement.PlacedDivision::synthetic));
    }

    static Crs crs(String name) {
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "problem.unknown-crs", name));
    }
}
