package org.cityos.spatial;

import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Reads a point as a caller gives it — longitude, latitude, coordinate system — into WGS84, refusing
 * values out of range and saying so when latitude and longitude look swapped for a deployment in China.
 */
public final class PointInput {
    private PointInput() {}

    public static GeoPoint wgs84(Double lon, Double lat, String crs) {
        List<FieldIssue> issues = new ArrayList<>();
        if (lon == null) {
            issues.add(new FieldIssue("lon", "validation.required"));
        }
        if (lat == null) {
            issues.add(new FieldIssue("lat", "validation.required"));
        }
        Crs parsed = Crs.parse(crs).orElse(null);
        if (parsed == null) {
            issues.add(new FieldIssue("crs", "problem.unknown-crs", String.valueOf(crs)));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        if (looksSwapped(lon, lat)) {
            throw new CoordinatesSwapped(lon, lat);
        }
        return parsed.toWgs84(GeoPoint.of(lon, lat));
    }

    /** China spans longitudes 73–136 and latitudes 3–54: a "longitude" in 3–54 with a "latitude" beyond 73 is swapped. */
    static boolean looksSwapped(double lon, double lat) {
        return lon >= 3 && lon <= 54 && lat >= 73 && lat <= 136;
    }
}
