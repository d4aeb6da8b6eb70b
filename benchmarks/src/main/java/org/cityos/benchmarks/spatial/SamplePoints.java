package org.cityos.benchmarks.spatial;

import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Seeded query points for the spatial benchmarks: a given share uniformly inside an area (what devices
 * and citizens report), the rest uniformly over its bounding box (strays, which may also fall inside).
 */
public final class SamplePoints {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private SamplePoints() {}

    /**
     * @param insideShare share of the points drawn inside {@code area} (0..1); the others come from its envelope
     * @throws IllegalArgumentException when {@code area} is empty or the share is out of range
     */
    public static GeoPoint[] within(Geometry area, int count, double insideShare, long seed) {
        if (area.isEmpty() || count < 0 || !(insideShare >= 0 && insideShare <= 1)) {
            throw new IllegalArgumentException("need a non-empty area, count >= 0 and a share in 0..1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        Envelope box = area.getEnvelopeInternal();
        GeoPoint[] points = new GeoPoint[count];
        for (int i = 0; i < count; i++) {
            boolean mustBeInside = random.nextDouble() < insideShare;
            Coordinate c = anywhere(box, random);
            // Rejection sampling; the bound only guards against a degenerate area of zero size.
            for (int tries = 0; mustBeInside && !covers(inside, c) && tries < 10_000; tries++) {
                c = anywhere(box, random);
            }
            points[i] = new GeoPoint(c.x, c.y);
        }
        return points;
    }

    /** Share of {@code points} covered by {@code area}. */
    public static double shareInside(Geometry area, GeoPoint[] points) {
        if (points.length == 0) {
            return 0;
        }
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        long n = 0;
        for (GeoPoint p : points) {
            n += covers(inside, new Coordinate(p.lon(), p.lat())) ? 1 : 0;
        }
        return n / (double) points.length;
    }

    private static Coordinate anywhere(Envelope box, SplittableRandom random) {
        return new Coordinate(
                box.getMinX() + random.nextDouble() * box.getWidth(),
                box.getMinY() + random.nextDouble() * box.getHeight());
    }

    private static boolean covers(PreparedGeometry area, Coordinate c) {
        return area.covers(GEOMETRY.createPoint(c));
    }
}
