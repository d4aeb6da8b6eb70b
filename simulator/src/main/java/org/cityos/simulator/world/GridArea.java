package org.cityos.simulator.world;

import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.cityos.kernel.GeoPoint;

/**
 * One grid (网格) of the district as its grid worker walks it: the grid's division code, its name and its outline
 * (exterior rings in longitude/latitude, as CityOS answers {@code GET /api/divisions/{code}/boundary}).
 */
public record GridArea(String code, String name, List<List<GeoPoint>> rings) {
    /** Share of the way a drawn point is pulled toward the centre, so that it keeps off the grid's edges. */
    private static final double PULL = 0.2;

    private static final int TRIES = 1_000;

    public GridArea {
        rings = rings.stream().map(List::copyOf).toList();
        if (rings.isEmpty() || rings.stream().anyMatch(r -> r.size() < 3)) {
            throw new IllegalArgumentException("grid " + code + " needs an outline of at least three points");
        }
    }

    public boolean contains(GeoPoint p) {
        return Rings.contain(rings, p);
    }

    /** The vertex average of the largest ring: inside the compact, convex-ish cells grids are. */
    public GeoPoint centre() {
        List<GeoPoint> ring =
                rings.stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        return GeoPoint.of(
                ring.stream().mapToDouble(GeoPoint::lon).average().orElseThrow(),
                ring.stream().mapToDouble(GeoPoint::lat).average().orElseThrow());
    }

    /**
     * A point drawn evenly inside the grid, then pulled a fifth of the way toward its centre when that stays inside:
     * a point on the very edge could be placed in the neighbouring grid by CityOS. A sliver no draw hits answers its
     * centre.
     */
    public GeoPoint pointInside(RandomGenerator random) {
        double west = Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        for (List<GeoPoint> ring : rings) {
            for (GeoPoint p : ring) {
                west = Math.min(west, p.lon());
                east = Math.max(east, p.lon());
                south = Math.min(south, p.lat());
                north = Math.max(north, p.lat());
            }
        }
        GeoPoint centre = centre();
        for (int i = 0; i < TRIES; i++) {
            GeoPoint p = GeoPoint.of(
                    west + random.nextDouble() * (east - west), south + random.nextDouble() * (north - south));
            if (contains(p)) {
                GeoPoint pulled = GeoPoint.of(
                        p.lon() + (centre.lon() - p.lon()) * PULL, p.lat() + (centre.lat() - p.lat()) * PULL);
                return contains(pulled) ? pulled : p;
            }
        }
        return centre;
    }

    /**
     * Where someone standing by {@code p} reads their GPS: within {@code metres} of it and inside the grid, or
     * {@code p} itself when no such reading is drawn.
     */
    public GeoPoint near(GeoPoint p, double metres, RandomGenerator random) {
        for (int i = 0; i < 20; i++) {
            double r = metres * Math.sqrt(random.nextDouble());
            double angle = random.nextDouble() * 2 * Math.PI;
            GeoPoint q = Geo.move(p, r * Math.sin(angle), r * Math.cos(angle));
            if (contains(q)) {
                return q;
            }
        }
        return p;
    }
}
