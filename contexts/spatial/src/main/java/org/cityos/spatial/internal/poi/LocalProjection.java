package org.cityos.spatial.internal.poi;

import org.cityos.kernel.GeoPoint;

/**
 * An equirectangular projection around a reference latitude φ0: x = lon·cos(φ0)·111320,
 * y = lat·110574 (metres). Inside a district its distances are within a fraction of a percent of
 * the great-circle distance, which lets a GiST index on a plain {@code point} column answer nearest
 * and radius queries; exact distances are then computed with haversine.
 */
public record LocalProjection(double referenceLatitude) {
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    /** Metres per degree on the sphere {@link GeoPoint#distanceTo} uses (radius 6,371,008.8 m). */
    private static final double SPHERE_METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    /** Latitude band (±) over which the stretch bound holds; wider than any district. */
    private static final double BAND_DEGREES = 5;

    private static final double SAFETY = 1.01;

    public double x(double lon) {
        return lon * Math.cos(Math.toRadians(referenceLatitude)) * METRES_PER_DEGREE_LON_AT_EQUATOR;
    }

    public double y(double lat) {
        return lat * METRES_PER_DEGREE_LAT;
    }

    public double x(GeoPoint p) {
        return x(p.lon());
    }

    public double y(GeoPoint p) {
        return y(p.lat());
    }

    /**
     * An upper bound of projected distance ÷ true distance for points within {@value #BAND_DEGREES}°
     * of latitude of {@code lat}: every point whose true distance is ≤ d lies within projected
     * distance d·maxStretch, and every point not yet seen beyond projected distance p is at least
     * p / maxStretch away. Both the nearest and the radius search rely on it to stay exact.
     */
    public double maxStretch(double lat) {
        double north = Math.min(89, Math.abs(lat) + BAND_DEGREES);
        double stretchX = Math.cos(Math.toRadians(referenceLatitude))
                * METRES_PER_DEGREE_LON_AT_EQUATOR
                / (Math.cos(Math.toRadians(north)) * SPHERE_METRES_PER_DEGREE);
        double stretchY = METRES_PER_DEGREE_LAT / SPHERE_METRES_PER_DEGREE;
        return Math.max(Math.max(stretchX, stretchY), 1.0) * SAFETY;
    }
}
