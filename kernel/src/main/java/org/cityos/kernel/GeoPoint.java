package org.cityos.kernel;

import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * A position as longitude and latitude in degrees. CityOS stores WGS84 (CGCS2000 treated as equal);
 * other datums are converted at the edges.
 */
public record GeoPoint(double lon, double lat) {
    public GeoPoint {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidInput(java.util.List.of(new FieldIssue("lon", "validation.range", -180, 180)));
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidInput(java.util.List.of(new FieldIssue("lat", "validation.range", -90, 90)));
        }
    }

    public static GeoPoint of(double lon, double lat) {
        return new GeoPoint(lon, lat);
    }

    /** Great-circle distance in metres (haversine on a sphere of the WGS84 mean radius). */
    public double distanceTo(GeoPoint other) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat))
                        * Math.cos(Math.toRadians(other.lat))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
