package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.cityos.spatial.FeatureBox;
import org.cityos.spatial.LayerCluster;
import org.junit.jupiter.api.Test;

class LayerPointsTest {

    private static LayerPoints random(int n, long seed) {
        Random r = new Random(seed);
        double[] lon = new double[n];
        double[] lat = new double[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            lon[i] = 116.2 + r.nextDouble() * 0.4;
            lat[i] = 39.5 + r.nextDouble() * 0.3;
            ids[i] = "p" + i;
        }
        return new LayerPoints(lon, lat, ids, 1);
    }

    @Test
    void cluster_counts_add_up_to_the_points_in_the_box_at_every_zoom() {
        LayerPoints points = random(5_000, 42);
        FeatureBox box = new FeatureBox(116.25, 39.55, 116.45, 39.7);
        long inBox = points.count(box);
        assertThat(inBox).isBetween(1_000L, 5_000L);
        for (int zoom = 0; zoom <= 22; zoom++) {
            List<LayerCluster> clusters = points.clusters(box, ClusterGrid.at(zoom));
            assertThat(clusters.stream().mapToLong(LayerCluster::count).sum())
                    .as("zoom " + zoom)
                    .isEqualTo(inBox);
        }
        assertThat(points.clusters(FeatureBox.WORLD, ClusterGrid.at(3)))
                .singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(5_000));
    }

    @Test
    void more_zoom_means_more_smaller_clusters() {
        LayerPoints points = random(5_000, 7);
        int atTen = points.clusters(FeatureBox.WORLD, ClusterGrid.at(10)).size();
        int atTwelve = points.clusters(FeatureBox.WORLD, ClusterGrid.at(12)).size();
        assertThat(atTwelve).isGreaterThan(atTen);
    }

    @Test
    void a_cluster_has_the_mean_position_and_the_box_of_its_members() {
        LayerPoints points = new LayerPoints(
                new double[] {116.30, 116.31, 116.32, 10.0},
                new double[] {39.70, 39.72, 39.71, 10.0},
                new String[] {"a", "b", "c", "far"},
                3);
        List<LayerCluster> clusters = points.clusters(FeatureBox.WORLD, ClusterGrid.at(8));
        assertThat(clusters).hasSize(2);
        LayerCluster big = clusters.get(0);
        assertThat(big.count()).isEqualTo(3);
        assertThat(big.centroid().lon()).isCloseTo(116.31, within(1e-12));
        assertThat(big.centroid().lat()).isCloseTo(39.71, within(1e-12));
        assertThat(big.bbox()).isEqualTo(new FeatureBox(116.30, 39.70, 116.32, 39.72));
        assertThat(big.featureId()).isNull();
        assertThat(clusters.get(1).featureId()).as("a single feature is named").isEqualTo("far");
    }

    @Test
    void box_edges_are_included_and_ids_follow_the_box() {
        LayerPoints points = new LayerPoints(
                new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, new String[] {"a", "b", "c", "d"}, 1);
        FeatureBox box = new FeatureBox(2, 2, 3, 3);
        assertThat(points.count(box)).isEqualTo(2);
        assertThat(points.ids(box)).containsExactlyInAnyOrder("b", "c");
        assertThat(points.count(new FeatureBox(5, 5, 6, 6))).isZero();
        assertThat(points.clusters(new FeatureBox(5, 5, 6, 6), ClusterGrid.at(5)))
                .isEmpty();
    }
}
