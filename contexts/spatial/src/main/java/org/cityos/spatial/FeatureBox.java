package org.cityos.spatial;

import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.InvalidInput;
import org.locationtech.jts.geom.Envelope;

/** A bounding box in degrees, lower-left corner first as in OGC APIs; corners included. */
public record FeatureBox(double minLon, double minLat, double maxLon, double maxLat) {
    public static final FeatureBox WORLD = new FeatureBox(-180, -90, 180, 90);

    public FeatureBox {
        if (!inRange(minLon, 180) || !inRange(maxLon, 180) || !inRange(minLat, 90) || !inRange(maxLat, 90)) {
            throw InvalidInput.of("bbox", "problem.layer.bbox-range");
        }
        if (minLon > maxLon || minLat > maxLat) {
            throw InvalidInput.of("bbox", "problem.layer.bbox-order");
        }
    }

    public static FeatureBox of(Envelope e) {
        return new FeatureBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    public Envelope envelope() {
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    /** This box given in {@code crs}, as a WGS84 box spanning its converted corners. */
    public FeatureBox toWgs84(Crs crs) {
        if (crs == Crs.WGS84) {
            return this;
        }
        GeoPoint a = crs.toWgs84(new GeoPoint(minLon, minLat));
        GeoPoint b = crs.toWgs84(new GeoPoint(maxLon, maxLat));
        return span(a, b);
    }

    /** This WGS84 box expressed in {@code crs}. */
    public FeatureBox fromWgs84(Crs crs) {
        if (crs == Crs.WGS84) {
            return this;
        }
        return span(crs.fromWgs84(new GeoPoint(minLon, minLat)), crs.fromWgs84(new GeoPoint(maxLon, maxLat)));
    }

    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }

    private static FeatureBox span(GeoPoint a, GeoPoint b) {
        return new FeatureBox(
                Math.min(a.lon(), b.lon()),
                Math.min(a.lat(), b.lat()),
                Math.max(a.lon(), b.lon()),
                Math.max(a.lat(), b.lat()));
    }

    private static boolean inRange(double v, double limit) {
        return Double.isFinite(v) && v >= -limit && v <= limit;
    }
}
