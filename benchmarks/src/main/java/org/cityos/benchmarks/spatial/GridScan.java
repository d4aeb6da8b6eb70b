package org.cityos.benchmarks.spatial;

import java.util.List;
import java.util.Optional;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.internal.partition.Cell;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Point → grid without a spatial index: every grid's prepared polygon is asked in turn whether it
 * covers the point, until one does. The baseline the STR-tree of {@code PlaceIndex} is measured against
 * (the grid's code carries its community, town and district, so the grid alone answers the path).
 */
public final class GridScan {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final DivisionCode[] codes;
    private final PreparedGeometry[] shapes;

    public GridScan(List<Cell> grids) {
        codes = new DivisionCode[grids.size()];
        shapes = new PreparedGeometry[grids.size()];
        for (int i = 0; i < grids.size(); i++) {
            codes[i] = grids.get(i).code();
            shapes[i] = PreparedGeometryFactory.prepare(grids.get(i).geometry());
        }
    }

    /** The first grid (in partition order) covering the point; empty outside every grid. */
    public Optional<DivisionCode> locate(GeoPoint p) {
        Point point = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
        for (int i = 0; i < shapes.length; i++) {
            if (shapes[i].covers(point)) {
                return Optional.of(codes[i]);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return codes.length;
    }
}
