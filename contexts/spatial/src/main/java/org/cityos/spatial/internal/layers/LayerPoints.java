package org.cityos.spatial.internal.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.LayerCluster;

/**
 * A read-only copy of one layer's representative points (the point of a point feature, the centre
 * of the bounding box of any other), sorted by longitude so a box query scans only its slice.
 * Immutable: a write to the layer makes a new one.
 */
public final class LayerPoints {
    private final double[] lon;
    private final double[] lat;
    private final String[] ids;
    private final long featuresVersion;

    /** The arrays are taken over, not copied. */
    public LayerPoints(double[] lon, double[] lat, String[] ids, long featuresVersion) {
        if (lon.length != lat.length || lon.length != ids.length) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        Integer[] order = new Integer[lon.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(lon[a], lon[b]));
        this.lon = new double[lon.length];
        this.lat = new double[lat.length];
        this.ids = new String[ids.length];
        for (int i = 0; i < order.length; i++) {
            this.lon[i] = lon[order[i]];
            this.lat[i] = lat[order[i]];
            this.ids[i] = ids[order[i]];
        }
        this.featuresVersion = featuresVersion;
    }

    public long featuresVersion() {
        return featuresVersion;
    }

    public int size() {
        return lon.length;
    }

    /** How many points lie in the box (edges included). */
    public long count(FeatureBox box) {
        long n = 0;
        for (int i = first(box.minLon()); i < lon.length && lon[i] <= box.maxLon(); i++) {
            if (lat[i] >= box.minLat() && lat[i] <= box.maxLat()) {
                n++;
            }
        }
        return n;
    }

    /** Ids of the features whose point lies in the box. */
    public List<String> ids(FeatureBox box) {
        List<String> out = new ArrayList<>();
        for (int i = first(box.minLon()); i < lon.length && lon[i] <= box.maxLon(); i++) {
            if (lat[i] >= box.minLat() && lat[i] <= box.maxLat()) {
                out.add(ids[i]);
            }
        }
        return out;
    }

    /** The points in the box, grouped by grid cell; every point in the box lands in exactly one cluster. */
    public List<LayerCluster> clusters(FeatureBox box, ClusterGrid grid) {
        Map<Long, Cell> cells = new HashMap<>();
        for (int i = first(box.minLon()); i < lon.length && lon[i] <= box.maxLon(); i++) {
            if (lat[i] >= box.minLat() && lat[i] <= box.maxLat()) {
                cells.computeIfAbsent(grid.cell(lon[i], lat[i]), k -> new Cell())
                        .add(i);
            }
        }
        List<LayerCluster> clusters = new ArrayList<>(cells.size());
        for (Cell c : cells.values()) {
            clusters.add(c.toCluster());
        }
        // Largest first, then west to east, so answers are stable and maps draw big clusters on top.
        clusters.sort((a, b) -> a.count() != b.count()
                ? Long.compare(b.count(), a.count())
                : Double.compare(a.centroid().lon(), b.centroid().lon()));
        return clusters;
    }

    /** Index of the first point with longitude ≥ {@code minLon}. */
    private int first(double minLon) {
        int lo = 0;
        int hi = lon.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lon[mid] < minLon) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private final class Cell {
        long count;
        double sumLon;
        double sumLat;
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        int firstIndex = -1;

        void add(int i) {
            if (firstIndex < 0) {
                firstIndex = i;
            }
            count++;
            sumLon += lon[i];
            sumLat += lat[i];
            minLon = Math.min(minLon, lon[i]);
            minLat = Math.min(minLat, lat[i]);
            maxLon = Math.max(maxLon, lon[i]);
            maxLat = Math.max(maxLat, lat[i]);
        }

        LayerCluster toCluster() {
            // The mean of points inside the box stays inside it; clamp away rounding at the last bit.
            double cLon = Math.max(minLon, Math.min(maxLon, sumLon / count));
            double cLat = Math.max(minLat, Math.min(maxLat, sumLat / count));
            return new LayerCluster(
                    count,
                    new GeoPoint(cLon, cLat),
                    new FeatureBox(minLon, minLat, maxLon, maxLat),
                    count == 1 ? ids[firstIndex] : null);
        }
    }
}
