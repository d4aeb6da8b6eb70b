package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.spatial.LayerFixture.ADMIN;
import static org.cityos.spatial.LayerFixture.ECOLOGY;
import static org.cityos.spatial.LayerFixture.STEWARD;
import static org.cityos.spatial.LayerFixture.definition;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.web.servlet.MockMvc;

/** Clusters over 20,000 generated points: no feature lost or counted twice at any zoom or box. */
class LayerClustersIT {
    static final GeometryFactory GEOMETRY = new GeometryFactory();
    static final LayerId ID = LayerId.of("hydrants");

    final LayerFixture fx = new LayerFixture();

    @BeforeEach
    void setUp() {
        fx.layers.register(ADMIN, definition("hydrants", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY));
        Random random = new Random(2026);
        List<LayerFeature> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // Denser towards a centre, as real assets are.
            double lon = 116.34 + random.nextGaussian() * 0.08;
            double lat = 39.73 + random.nextGaussian() * 0.06;
            points.add(new LayerFeature("h" + i, GEOMETRY.createPoint(new Coordinate(lon, lat)), Map.of(), null));
        }
        fx.layers.replaceFeatures(ADMIN, ID, points);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    long inBox(FeatureBox box) {
        return fx.queries
                .features(STEWARD, ID, new FeatureQuery(box, null, 0, 1))
                .numberMatched();
    }

    @Test
    void cluster_counts_add_up_to_the_features_in_the_box() {
        List<FeatureBox> boxes = List.of(
                FeatureBox.WORLD,
                new FeatureBox(116.2, 39.6, 116.5, 39.85),
                new FeatureBox(116.33, 39.72, 116.36, 39.74),
                new FeatureBox(0, 0, 1, 1));
        for (FeatureBox box : boxes) {
            long expected = inBox(box);
            for (int zoom : new int[] {3, 8, 10, 12, 14, 15}) {
                LayerClusters c = fx.queries.clusters(STEWARD, ID, box, zoom);
                assertThat(c.individual()).isFalse();
                assertThat(c.total()).as("total %s z%d", box, zoom).isEqualTo(expected);
                assertThat(c.clusters().stream().mapToLong(LayerCluster::count).sum())
                        .as("sum of counts %s z%d", box, zoom)
                        .isEqualTo(expected);
                assertThat(c.clusters())
                        .allSatisfy(k -> assertThat(box.contains(
                                        k.centroid().lon(), k.centroid().lat()))
                                .isTrue());
            }
        }
        assertThat(inBox(FeatureBox.WORLD)).isEqualTo(20_000);
    }

    @Test
    void district_scale_sends_hundreds_of_clusters_not_thousands_of_points() {
        LayerClusters c = fx.queries.clusters(STEWARD, ID, new FeatureBox(116.0, 39.4, 116.7, 40.0), 10);
        assertThat(c.clusters().size()).isBetween(10, 1_000);
        assertThat(c.clusters().get(0).count())
                .isGreaterThan(c.clusters().get(c.clusters().size() - 1).count());
    }

    @Test
    void zoomed_in_far_enough_the_features_themselves_come_back() {
        FeatureBox street = new FeatureBox(116.338, 39.728, 116.342, 39.732);
        LayerClusters c = fx.queries.clusters(STEWARD, ID, street, 17);
        assertThat(c.individual()).isTrue();
        assertThat(c.features()).hasSize((int) inBox(street)).isNotEmpty();
        assertThat(c.total()).isEqualTo(c.features().size());
    }

    @Test
    void a_write_retires_the_in_memory_points() {
        FeatureBox nowhere = new FeatureBox(10, 10, 11, 11);
        assertThat(fx.queries.clusters(STEWARD, ID, nowhere, 5).total()).isZero();
        fx.layers.appendFeatures(
                ADMIN,
                ID,
                List.of(new LayerFeature("far", GEOMETRY.createPoint(new Coordinate(10.5, 10.5)), Map.of(), null)));
        LayerClusters after = fx.queries.clusters(STEWARD, ID, nowhere, 5);
        assertThat(after.total()).isEqualTo(1);
        assertThat(after.clusters())
                .singleElement()
                .satisfies(k -> assertThat(k.featureId()).isEqualTo("far"));
    }

    @Test
    void over_http_with_zoom_bounds_checked() throws Exception {
        MockMvc mvc = fx.mvc();
        fx.actAs(STEWARD);
        mvc.perform(get("/api/layers/hydrants/clusters").param("zoom", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("CLUSTERS"))
                .andExpect(jsonPath("$.total").value(20_000))
                .andExpect(jsonPath("$.clusters", hasSize(1)))
                .andExpect(jsonPath("$.clusters[0].count").value(20_000))
                .andExpect(jsonPath("$.clusters[0].centroid", hasSize(2)))
                .andExpect(jsonPath("$.clusters[0].bbox", hasSize(4)));
        mvc.perform(get("/api/layers/hydrants/clusters")
                        .param("zoom", "18")
                        .param("bbox", "116.338,39.728,116.342,39.732"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("FEATURES"))
                .andExpect(jsonPath("$.features.type").value("FeatureCollection"));
        mvc.perform(get("/api/layers/hydrants/clusters").param("zoom", "23")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/layers/hydrants/clusters")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/layers/hydrants/clusters").param("zoom", "10").param("bbox", "x"))
                .andExpect(status().isBadRequest());
    }
}
