package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class LocalProjectionTest {
    private final LocalProjection projection = new LocalProjection(39.7);

    @Test
    void projectedDistanceStaysWithinTheStretchBoundOfTheTrueDistance() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            GeoPoint a = new GeoPoint(116.0 + random.nextDouble(), 39.2 + random.nextDouble());
            GeoPoint b = new GeoPoint(a.lon() + random.nextGaussian() * 0.2, a.lat() + random.nextGaussian() * 0.2);
            double truth = a.distanceTo(b);
            double projected = Math.hypot(projection.x(a) - projection.x(b), projection.y(a) - projection.y(b));
            assertThat(projected).isLessThanOrEqualTo(truth * projection.maxStretch(a.lat()));
            // Near the reference latitude the projection is a good metric, not just a bound.
            assertThat(Math.abs(projected - truth)).isLessThan(truth * 0.01 + 0.01);
        }
    }

    @Test
    void stretchGrowsAwayFromTheReferenceLatitudeButStaysBounded() {
        assertThat(projection.maxStretch(39.7)).isBetween(1.0, 1.1);
        assertThat(projection.maxStretch(60)).isGreaterThan(projection.maxStretch(39.7));
        assertThat(new LocalProjection(0).maxStretch(0)).isBetween(1.0, 1.02);
    }
}
