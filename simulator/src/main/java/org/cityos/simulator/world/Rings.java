package org.cityos.simulator.world;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/** Exterior rings of an area in longitude/latitude, and whether a point lies inside them (even-odd rule). */
final class Rings {
    private Rings() {}

    /** True when {@code p} is inside any of the rings. */
    static boolean contain(List<List<GeoPoint>> rings, GeoPoint p) {
        for (List<GeoPoint> ring : rings) {
            if (contains(ring, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<GeoPoint> ring, GeoPoint p) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > p.lat()) != (b.lat() > p.lat())
                    && p.lon() < (b.lon() - a.lon()) * (p.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                in = !in;
            }
        }
        return in;
    }
}
