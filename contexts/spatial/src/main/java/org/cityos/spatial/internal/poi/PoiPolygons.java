package org.cityos.spatial.internal.poi;

import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads the search area of a within-polygon query: a GeoJSON Polygon or MultiPolygon (bare or as a
 * Feature) in the request's CRS, turned into a valid WGS84 geometry. Anything else is bad input.
 */
public final class PoiPolygons {
    public static final int MAX_VERTICES = 10_000;

    private PoiPolygons() {}

    public static Geometry parse(String geoJson, Crs crs) {
        if (geoJson == null || geoJson.isBlank()) {
            throw InvalidInput.of("polygon", "validation.required");
        }
        Geometry g;
        try {
            g = new GeoJsonReader().read(geoJson);
        } catch (Exception e) {
            // The reader fails with ParseException, ClassCastException or NullPointerException on bad shapes.
            throw InvalidInput.of("polygon", "problem.poi-polygon-geojson");
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            throw InvalidInput.of("polygon", "problem.poi-polygon-type", g == null ? "null" : g.getGeometryType());
        }
        if (g.getNumPoints() > MAX_VERTICES) {
            throw InvalidInput.of("polygon", "problem.poi-polygon-vertices", MAX_VERTICES);
        }
        Geometry wgs84 = g.copy();
        for (Coordinate c : wgs84.getCoordinates()) {
            GeoPoint p = crs.toWgs84(new GeoPoint(c.x, c.y));
            c.x = p.lon();
            c.y = p.lat();
        }
        wgs84.geometryChanged();
        if (wgs84.isEmpty() || !wgs84.isValid()) {
            throw InvalidInput.of("polygon", "problem.poi-polygon-invalid");
        }
        return wgs84;
    }
}
