package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiFilter;
import org.cityos.spatial.PoiSearch;
import org.cityos.spatial.internal.poi.PoiPolygons;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spatial POI queries: nearest-k, within a radius, within a GeoJSON polygon; distances in metres. */
@RestController
@RequestMapping(path = "/api/pois", produces = MediaType.APPLICATION_JSON_VALUE)
public class PoiGeoController {
    private final PoiSearch search;

    public PoiGeoController(PoiSearch search) {
        this.search = search;
    }

    @GetMapping("/nearest")
    public List<PoiView> nearest(
            Actor actor,
            @RequestParam double lon,
            @RequestParam double lat,
            @RequestParam(defaultValue = "10") int k,
            @RequestParam(name = "class", required = false) String classCode,
            @RequestParam(required = false) String crs) {
        Crs in = PoiParams.crs(crs);
        GeoPoint wgs84 = in.toWgs84(new GeoPoint(lon, lat));
        return search.nearest(actor, wgs84, k, PoiParams.classCode(classCode)).stream()
                .map(h -> PoiView.of(h, in))
                .toList();
    }

    @GetMapping("/within")
    public Page<PoiView> within(
            Actor actor,
            @RequestParam double lon,
            @RequestParam double lat,
            @RequestParam double radius,
            @RequestParam(name = "class", required = false) String classCode,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Crs in = PoiParams.crs(crs);
        GeoPoint wgs84 = in.toWgs84(new GeoPoint(lon, lat));
        return search.withinRadius(
                        actor,
                        wgs84,
                        radius,
                        new PoiFilter(PoiParams.classCode(classCode), null),
                        PageRequest.of(offset, limit))
                .map(h -> PoiView.of(h, in));
    }

    @PostMapping(
            path = "/within-polygon",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    public Page<PoiView> withinPolygon(
            Actor actor,
            @RequestBody String polygon,
            @RequestParam(name = "class", required = false) String classCode,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Crs in = PoiParams.crs(crs);
        return search.withinPolygon(
                        actor,
                        PoiPolygons.parse(polygon, in),
                        new PoiFilter(PoiParams.classCode(classCode), null),
                        PageRequest.of(offset, limit))
                .map(p -> PoiView.of(p, in));
    }
}
