package org.cityos.spatial.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Placement;
import org.cityos.spatial.Placement.PlacedDivision;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable in-memory index of division boundaries: an STR-tree over indexed point-in-area locators (lock-free once built), so a
 * point is placed with a bounding-box probe and a few point-in-polygon tests (microseconds).
 * Rebuilt as a whole when boundaries change and swapped in atomically.
 */
public final class PlaceIndex {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final STRtree tree = new STRtree();
    private final int size;

    /** A boundary to index, with the name shown in answers. */
    public record Entry(PlacedDivision division, Geometry boundary) {}

    public PlaceIndex(List<Entry> entries) {
        for (Entry e : entries) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(e.boundary());
            // Build the locator's index now: its lazy creation is synchronized, its reads are lock-free.
            locator.locate(e.boundary().getEnvelopeInternal().centre());
            tree.insert(e.boundary().getEnvelopeInternal(), new Indexed(e.division(), locator));
        }
        tree.build();
        this.size = entries.size();
    }

    public static PlaceIndex empty() {
        return new PlaceIndex(List.of());
    }

    public int size() {
        return size;
    }

    public Placement locate(GeoPoint p) {
        Point point = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = tree.query(point.getEnvelopeInternal());
        List<PlacedDivision> path = new ArrayList<>();
        for (Indexed candidate : candidates) {
            if (candidate.boundary.locate(point.getCoordinate()) != Location.EXTERIOR) {
                path.add(candidate.division);
            }
        }
        if (path.isEmpty()) {
            return Placement.outside(p);
        }
        path.sort(Comparator.comparing((PlacedDivision d) -> d.code().level()).thenComparing(PlacedDivision::code));
        return new Placement(p, true, consistent(path));
    }

    /**
     * A point on a shared border is covered by both neighbours; keep one chain whose codes nest
     * (each entry inside the one before), preferring the lowest codes.
     */
    private static List<PlacedDivision> consistent(List<PlacedDivision> sorted) {
        List<PlacedDivision> chain = new ArrayList<>();
        for (PlacedDivision d : sorted) {
            if (chain.isEmpty()) {
                chain.add(d);
                continue;
            }
            PlacedDivision last = chain.get(chain.size() - 1);
            if (d.code().level() != last.code().level() && last.code().contains(d.code())) {
                chain.add(d);
            }
        }
        return chain;
    }

    private record Indexed(PlacedDivision division, IndexedPointInAreaLocator boundary) {}
}
