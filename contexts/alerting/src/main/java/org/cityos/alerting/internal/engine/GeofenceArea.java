package org.cityos.alerting.internal.engine;

import java.util.List;
import org.cityos.alerting.Geofence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** Reads a geofence's GeoJSON area: it must be a valid Polygon or MultiPolygon in longitude/latitude. */
final class GeofenceArea {
    private GeofenceArea() {}

    static PreparedGeometry parse(Geofence fence, List<RuleIssue> issues) {
        if (fence == null || fence.area() == null || fence.area().isNull()) {
            issues.add(RuleIssue.of("geofence.area", "alerting.rule.geofence", "a GeoJSON polygon is required"));
            return null;
        }
        Geometry g;
        try {
            g = new GeoJsonReader().read(fence.area().toString());
        } catch (ParseException | RuntimeException e) {
            issues.add(RuleIssue.of(
                    "geofence.area", "alerting.rule.geofence-json", "not GeoJSON: " + e.getMessage(), e.getMessage()));
            return null;
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            issues.add(RuleIssue.of(
                    "geofence.area",
                    "alerting.rule.geofence-type",
                    "a Polygon or MultiPolygon, not a " + g.getGeometryType(),
                    g.getGeometryType()));
            return null;
        }
        if (!g.isValid() || g.isEmpty() || g.getArea() <= 0) {
            issues.add(RuleIssue.of(
                    "geofence.area", "alerting.rule.geofence-invalid", "the polygon is empty or crosses itself"));
            return null;
        }
        var box = g.getEnvelopeInternal();
        if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
            issues.add(RuleIssue.of(
                    "geofence.area", "alerting.rule.geofence-degrees", "coordinates must be lon/lat degrees"));
            return null;
        }
        return PreparedGeometryFactory.prepare(g);
    }
}
