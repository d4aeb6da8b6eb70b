package org.cityos.benchmarks.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.DivisionKind;
import org.cityos.spatial.internal.partition.Cell;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class GridScanTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final DivisionCode WEST = DivisionCode.of("110115001001001");
    private static final DivisionCode EAST = DivisionCode.of("110115001001002");

    private final GridScan scan = new GridScan(List.of(grid(WEST, 116.0, 116.5), grid(EAST, 116.5, 117.0)));

    @Test
    void findsTheGridCoveringAPoint() {
        assertThat(scan.size()).isEqualTo(2);
        assertThat(scan.locate(new GeoPoint(116.2, 39.5))).contains(WEST);
        assertThat(scan.locate(new GeoPoint(116.8, 39.5))).contains(EAST);
    }

    @Test
    void aPointOnASharedBorderGoesToTheFirstGridAndOneOutsideToNone() {
        assertThat(scan.locate(new GeoPoint(116.5, 39.5))).contains(WEST);
        assertThat(scan.locate(new GeoPoint(117.5, 39.5))).isEmpty();
    }

    private static Cell grid(DivisionCode code, double west, double east) {
        return new Cell(
                code,
                DivisionCode.of("110115001001"),
                DivisionKind.GRID,
                code.value(),
                GEOMETRY.toGeometry(new Envelope(west, east, 39, 40)));
    }
}
