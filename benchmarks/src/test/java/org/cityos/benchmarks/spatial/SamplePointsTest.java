package org.cityos.benchmarks.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SamplePointsTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** A triangle filling half of its 1°×1° envelope: strays land inside about half the time. */
    private static final Geometry TRIANGLE = GEOMETRY.createPolygon(new Coordinate[] {
        new Coordinate(116, 39), new Coordinate(117, 39), new Coordinate(116, 40), new Coordinate(116, 39)
    });

    @Test
    void theSameSeedGivesTheSamePoints() {
        assertThat(SamplePoints.within(TRIANGLE, 100, 0.9, 7))
                .containsExactly(SamplePoints.within(TRIANGLE, 100, 0.9, 7));
        assertThat(SamplePoints.within(TRIANGLE, 100, 0.9, 7)).isNotEqualTo(SamplePoints.within(TRIANGLE, 100, 0.9, 8));
    }

    @Test
    void theInsideShareIsDrawnInsideAndTheRestFromTheEnvelope() {
        GeoPoint[] all = SamplePoints.within(TRIANGLE, 4_000, 1.0, 1);
        GeoPoint[] strays = SamplePoints.within(TRIANGLE, 4_000, 0.0, 1);
        GeoPoint[] mixed = SamplePoints.within(TRIANGLE, 4_000, 0.9, 1);

        assertThat(SamplePoints.shareInside(TRIANGLE, all)).isEqualTo(1.0);
        assertThat(SamplePoints.shareInside(TRIANGLE, strays)).isBetween(0.45, 0.55);
        // 90% inside plus half of the 10% strays.
        assertThat(SamplePoints.shareInside(TRIANGLE, mixed)).isBetween(0.93, 0.97);
        assertThat(strays)
                .allSatisfy(p -> assertThat(p.lon()).isBetween(116.0, 117.0))
                .allSatisfy(p -> assertThat(p.lat()).isBetween(39.0, 40.0));
    }

    @Test
    void refusesAnEmptyAreaOrAShareOutOfRange() {
        assertThatThrownBy(() -> SamplePoints.within(GEOMETRY.createPolygon(), 10, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplePoints.within(TRIANGLE, 10, 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplePoints.within(TRIANGLE, 10, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
