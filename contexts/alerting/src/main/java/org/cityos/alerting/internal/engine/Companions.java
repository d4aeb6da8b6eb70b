package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.kernel.GeoPoint;

/**
 * The devices of a composite rule's companion type with their positions, and for each subject the ones within the
 * radius (worked out once per subject; a grid of cells keeps that cheap for tens of thousands of companions).
 */
final class Companions {
    record Near(String id, double metres) {}

    final long version;
    private final double radius;
    private final double cell;
    private final Map<Long, List<DeviceFacts>> grid = new ConcurrentHashMap<>();
    private final Map<String, List<Near>> bySubject = new ConcurrentHashMap<>();

    Companions(long version, double radiusMetres) {
        this.version = version;
        this.radius = radiusMetres;
        // Cells about as wide as the radius (in degrees of latitude), so the 3×3 cells around a point cover it.
        this.cell = Math.max(radiusMetres / 111_000.0, 0.0005);
    }

    void add(DeviceFacts d) {
        if (d.location() != null) {
            grid.computeIfAbsent(key(d.location(), 0, 0), k -> new ArrayList<>())
                    .add(d);
        }
    }

    List<Near> near(DeviceFacts subject) {
        return bySubject.computeIfAbsent(subject.id(), k -> find(subject.location()));
    }

    private List<Near> find(GeoPoint p) {
        List<Near> found = new ArrayList<>();
        int reach = (int) Math.ceil(1 / Math.cos(Math.toRadians(p.lat()))) + 1;
        for (int dx = -reach; dx <= reach; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (DeviceFacts d : grid.getOrDefault(key(p, dx, dy), List.of())) {
                    double m = p.distanceTo(d.location());
                    if (m <= radius) {
                        found.add(new Near(d.id(), m));
                    }
                }
            }
        }
        return found;
    }

    private long key(GeoPoint p, int dx, int dy) {
        long x = (long) Math.floor(p.lon() / cell) + dx;
        long y = (long) Math.floor(p.lat() / cell) + dy;
        return (x << 32) ^ (y & 0xffffffffL);
    }
}
