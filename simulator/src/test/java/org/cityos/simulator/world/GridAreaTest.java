package org.cityos.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class GridAreaTest {
    static final GridArea L_SHAPED = SampleGeography.grid();

    @Test
    void pointsAreDrawnInsideEvenOfAConcaveGridAndSpreadOverIt() {
        SplittableRandom random = new SplittableRandom(4);
        int inUpperArm = 0;
        for (int i = 0; i < 2_000; i++) {
            GeoPoint p = L_SHAPED.pointInside(random);
            assertThat(L_SHAPED.contains(p)).as(p.toString()).isTrue();
            inUpperArm += p.lat() > 39.745 ? 1 : 0;
        }
        assertThat(inUpperArm)
                .as("a third of the area, less the pull toward the centre")
                .isBetween(400, 800);
        assertThat(L_SHAPED.contains(GeoPoint.of(116.338, 39.748)))
                .as("the missing corner")
                .isFalse();
    }

    @Test
    void aGpsReadingNearAPointStaysWithinReachAndInsideTheGrid() {
        SplittableRandom random = new SplittableRandom(9);
        GeoPoint edge = GeoPoint.of(116.3301, 39.7451);
        for (int i = 0; i < 500; i++) {
            GeoPoint at = L_SHAPED.near(edge, 15, random);
            assertThat(at.distanceTo(edge)).isLessThan(15.5);
            assertThat(L_SHAPED.contains(at)).isTrue();
        }
    }

    @Test
    void aGridNeedsAnOutline() {
        assertThatThrownBy(() -> new GridArea("110115001001001", "x", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
