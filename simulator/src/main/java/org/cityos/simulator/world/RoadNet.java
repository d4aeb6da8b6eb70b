package org.cityos.simulator.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;

/** The geography's roads as polylines, picked by length; links division centres when the geography has no roads. */
final class RoadNet {
    private final List<Polyline> roads;
    private final double[] cumulative;

    RoadNet(Geography geo) {
        List<Polyline> lines = new ArrayList<>();
        for (Geography.Road r : geo.roads()) {
            lines.add(new Polyline(r.line()));
        }
        if (lines.isEmpty()) {
            List<Geography.Division> d = geo.divisions();
            for (int i = 0; i + 1 < d.size(); i++) {
                lines.add(new Polyline(List.of(d.get(i).centre(), d.get(i + 1).centre())));
            }
            if (lines.isEmpty()) {
                GeoPoint c = d.get(0).centre();
                lines.add(new Polyline(List.of(c, Geo.move(c, 3000, 0))));
            }
        }
        this.roads = List.copyOf(lines);
        this.cumulative = new double[roads.size()];
        double sum = 0;
        for (int i = 0; i < roads.size(); i++) {
            sum += roads.get(i).lengthMetres();
            cumulative[i] = sum;
        }
    }

    List<Polyline> roads() {
        return roads;
    }

    /** A point on a road chosen in proportion to road length, and its heading. */
    Polyline pick(SplittableRandom random) {
        double at = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (at <= cumulative[i]) {
                return roads.get(i);
            }
        }
        return roads.get(roads.size() - 1);
    }

    /** A route of roads chained end to start (within 500 m) until about {@code targetMetres} long. */
    Polyline chain(SplittableRandom random, double targetMetres) {
        List<Polyline> unused = new ArrayList<>(roads);
        Polyline first = pick(random);
        unused.remove(first);
        List<GeoPoint> path = new ArrayList<>(first.points());
        double length = first.lengthMetres();
        while (length < targetMetres && !unused.isEmpty()) {
            GeoPoint end = path.get(path.size() - 1);
            Polyline next = null;
            boolean reversed = false;
            for (Polyline candidate : unused) {
                List<GeoPoint> pts = candidate.points();
                if (pts.get(0).distanceTo(end) < 500) {
                    next = candidate;
                    break;
                }
                if (pts.get(pts.size() - 1).distanceTo(end) < 500) {
                    next = candidate;
                    reversed = true;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            unused.remove(next);
            List<GeoPoint> pts = new ArrayList<>(next.points());
            if (reversed) {
                java.util.Collections.reverse(pts);
            }
            path.addAll(pts);
            length += next.lengthMetres();
        }
        return new Polyline(path);
    }
}
