package org.cityos.benchmarks.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.kernel.GeoPoint;
import org.junit.jupiter.api.Test;

class NearestScanTest {

    @Test
    void returnsTheKSmallestDistancesClosestFirst() {
        SplittableRandom random = new SplittableRandom(3);
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            points.add(new GeoPoint(116 + random.nextDouble(), 39 + random.nextDouble()));
        }
        GeoPoint from = new GeoPoint(116.5, 39.5);

        double[] nearest = new NearestScan(points).nearest(from, 10);

        double[] all = points.stream().mapToDouble(from::distanceTo).sorted().toArray();
        assertThat(nearest).containsExactly(Arrays.copyOf(all, 10));
    }

    @Test
    void givesFewerWhenThereAreFewerPointsAndRefusesKBelowOne() {
        NearestScan scan = new NearestScan(List.of(new GeoPoint(116, 39), new GeoPoint(116.01, 39)));

        assertThat(scan.nearest(new GeoPoint(116.02, 39), 5)).hasSize(2).isSorted();
        assertThat(new NearestScan(List.of()).nearest(new GeoPoint(116, 39), 3)).isEmpty();
        assertThatThrownBy(() -> scan.nearest(new GeoPoint(116, 39), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
