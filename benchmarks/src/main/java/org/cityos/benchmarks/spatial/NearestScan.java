package org.cityos.benchmarks.spatial;

import java.util.Arrays;
import java.util.List;
import org.cityos.kernel.GeoPoint;

/**
 * The k nearest of a fixed set of points by brute force: the great-circle distance
 * ({@link GeoPoint#distanceTo}, the metric CityOS ranks by) to every point, the k smallest kept in a
 * small sorted buffer. Exact by construction, the baseline a spatial index is measured against.
 */
public final class NearestScan {
    private final GeoPoint[] points;

    public NearestScan(List<GeoPoint> points) {
        this.points = points.toArray(GeoPoint[]::new);
    }

    /** Distances in metres of the {@code k} nearest points, closest first (fewer when there are fewer). */
    public double[] nearest(GeoPoint from, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        double[] best = new double[Math.min(k, points.length)];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (GeoPoint p : points) {
            double d = from.distanceTo(p);
            int at = best.length - 1;
            if (at < 0 || d >= best[at]) {
                continue;
            }
            while (at > 0 && best[at - 1] > d) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = d;
        }
        return best;
    }

    public int size() {
        return points.length;
    }
}
