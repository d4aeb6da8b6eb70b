package org.cityos.casework.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.casework.persistence.HotSpotRow;
import org.cityos.casework.persistence.PlacedCase;

/**
 * Finds hot spots among recent cases, one category leaf at a time, without I/O.
 *
 * <p>First every free case (one no hot spot holds yet) joins the nearest active hot spot of its category whose centre
 * lies within {@code metres}: a known place grows instead of being raised twice. The rest are clustered greedily:
 * the case with the most free neighbours within {@code metres} seeds a cluster of those neighbours, as long as the
 * seed has at least {@code minCases}. Neighbours are found through a grid of {@code metres}-sized cells, so the cost
 * grows with the cases of a category and their local density, not with its square.
 */
public final class HotSpotClusters {
    private static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE_LAT = 110_574.0;

    private HotSpotClusters() {}

    /** What the detector should do: grow these hot spots by these cases, and raise these new clusters. */
    public record Plan(Map<String, List<PlacedCase>> growth, List<List<PlacedCase>> clusters) {}

    public static Plan plan(List<PlacedCase> free, List<HotSpotRow> active, double metres, int minCases) {
        Map<String, List<PlacedCase>> growth = new LinkedHashMap<>();
        Map<String, List<PlacedCase>> leftByCategory = new LinkedHashMap<>();
        Map<String, List<HotSpotRow>> activeByCategory = new HashMap<>();
        for (HotSpotRow h : active) {
            activeByCategory
                    .computeIfAbsent(h.categoryCode(), k -> new ArrayList<>())
                    .add(h);
        }
        for (PlacedCase c : free) {
            HotSpotRow nearest = null;
            double best = Double.MAX_VALUE;
            for (HotSpotRow h : activeByCategory.getOrDefault(c.categoryCode(), List.of())) {
                double d = metres(c.lon(), c.lat(), h.lon(), h.lat());
                if (d <= metres && d < best) {
                    best = d;
                    nearest = h;
                }
            }
            if (nearest != null) {
                growth.computeIfAbsent(nearest.id(), k -> new ArrayList<>()).add(c);
            } else {
                leftByCategory
                        .computeIfAbsent(c.categoryCode(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        List<List<PlacedCase>> clusters = new ArrayList<>();
        for (List<PlacedCase> cases : leftByCategory.values()) {
            if (cases.size() >= minCases) {
                clusters.addAll(cluster(cases, metres, minCases));
            }
        }
        return new Plan(growth, clusters);
    }

    private static List<List<PlacedCase>> cluster(List<PlacedCase> cases, double metres, int minCases) {
        double cellLat = metres / METRES_PER_DEGREE_LAT;
        double cellLon =
                cellLat / Math.max(0.01, Math.cos(Math.toRadians(cases.get(0).lat())));
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            cells.computeIfAbsent(cell(cases.get(i), cellLon, cellLat, 0, 0), k -> new ArrayList<>())
                    .add(i);
        }
        List<List<Integer>> neighbours = new ArrayList<>(cases.size());
        for (PlacedCase c : cases) {
            List<Integer> near = new ArrayList<>();
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int j : cells.getOrDefault(cell(c, cellLon, cellLat, dx, dy), List.of())) {
                        PlacedCase o = cases.get(j);
                        if (metres(c.lon(), c.lat(), o.lon(), o.lat()) <= metres) {
                            near.add(j);
                        }
                    }
                }
            }
            neighbours.add(near);
        }
        boolean[] taken = new boolean[cases.size()];
        List<List<PlacedCase>> clusters = new ArrayList<>();
        while (true) {
            int seed = -1;
            long seedFree = 0;
            for (int i = 0; i < cases.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                long n = neighbours.get(i).stream().filter(j -> !taken[j]).count();
                // Ties go to the earlier case (the list is in order of receipt), so runs are repeatable.
                if (n > seedFree) {
                    seed = i;
                    seedFree = n;
                }
            }
            if (seed < 0 || seedFree < minCases) {
                return clusters;
            }
            List<PlacedCase> cluster = new ArrayList<>();
            for (int j : neighbours.get(seed)) {
                if (!taken[j]) {
                    taken[j] = true;
                    cluster.add(cases.get(j));
                }
            }
            cluster.sort(Comparator.comparing(PlacedCase::receivedAt).thenComparing(PlacedCase::id));
            clusters.add(cluster);
        }
    }

    private static long cell(PlacedCase c, double cellLon, double cellLat, int dx, int dy) {
        long x = (long) Math.floor(c.lon() / cellLon) + dx;
        long y = (long) Math.floor(c.lat() / cellLat) + dy;
        return x * 4_000_003L + y;
    }

    /** Great-circle distance (haversine); exact enough for hundreds of metres and cheap. */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
