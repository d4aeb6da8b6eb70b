package org.cityos.simulator.world;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/** A path of points with its length in metres; finds the point at a distance along it and a point's offset from it. */
public final class Polyline {
    private final List<GeoPoint> points;
    private final double[] cumulative;

    public Polyline(List<GeoPoint> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a polyline needs at least two points");
        }
        this.points = List.copyOf(points);
        this.cumulative = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            cumulative[i] = cumulative[i - 1] + points.get(i - 1).distanceTo(points.get(i));
        }
    }

    public List<GeoPoint> points() {
        return points;
    }

    public double lengthMetres() {
        return cumulative[cumulative.length - 1];
    }

    /** The point {@code metres} from the start, clamped to the ends. */
    public GeoPoint at(double metres) {
        return locate(metres).point();
    }

    /** Heading in degrees clockwise from north of the segment at {@code metres}. */
    public double headingAt(double metres) {
        Located l = locate(metres);
        GeoPoint a = points.get(l.segment());
        GeoPoint b = points.get(l.segment() + 1);
        double dx = (b.lon() - a.lon()) * Math.cos(Math.toRadians(a.lat()));
        double dy = b.lat() - a.lat();
        double deg = Math.toDegrees(Math.atan2(dx, dy));
        return deg < 0 ? deg + 360 : deg;
    }

    /** The point {@code metres} along, moved {@code offsetMetres} to the right of the direction of travel. */
    public GeoPoint offset(double metres, double offsetMetres) {
        GeoPoint p = at(metres);
        if (offsetMetres == 0) {
            return p;
        }
        double h = Math.toRadians(headingAt(metres) + 90);
        double dLat = offsetMetres * Math.cos(h) / 111_320.0;
        double dLon = offsetMetres * Math.sin(h) / (111_320.0 * Math.cos(Math.toRadians(p.lat())));
        return GeoPoint.of(p.lon() + dLon, p.lat() + dLat);
    }

    /** The shortest distance in metres from {@code p} to the path (planar within a segment, fine at city scale). */
    public double distanceFrom(GeoPoint p) {
        double best = Double.MAX_VALUE;
        double kx = 111_320.0 * Math.cos(Math.toRadians(p.lat()));
        double ky = 110_574.0;
        for (int i = 0; i + 1 < points.size(); i++) {
            double ax = (points.get(i).lon() - p.lon()) * kx;
            double ay = (points.get(i).lat() - p.lat()) * ky;
            double bx = (points.get(i + 1).lon() - p.lon()) * kx;
            double by = (points.get(i + 1).lat() - p.lat()) * ky;
            double dx = bx - ax;
            double dy = by - ay;
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            double cx = ax + t * dx;
            double cy = ay + t * dy;
            best = Math.min(best, Math.sqrt(cx * cx + cy * cy));
        }
        return best;
    }

    private Located locate(double metres) {
        double m = Math.max(0, Math.min(metres, lengthMetres()));
        int i = 0;
        while (i < cumulative.length - 2 && cumulative[i + 1] < m) {
            i++;
        }
        double seg = cumulative[i + 1] - cumulative[i];
        double f = seg == 0 ? 0 : (m - cumulative[i]) / seg;
        GeoPoint a = points.get(i);
        GeoPoint b = points.get(i + 1);
        return new Located(i, GeoPoint.of(a.lon() + f * (b.lon() - a.lon()), a.lat() + f * (b.lat() - a.lat())));
    }

    private record Located(int segment, GeoPoint point) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof Polyline other && points.equals(other.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }

    @Override
    public String toString() {
        return "Polyline[" + points.size() + " points, " + Math.round(lengthMetres()) + " m]";
    }
}
