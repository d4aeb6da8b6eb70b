package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerProblems.FeaturesRejected;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

class FeatureChecksTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ring in a local 10×10 frame placed in Daxing (1 unit = 0.001°). */
    static Geometry polygon(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(116.3 + xy[2 * i] * 0.001, 39.7 + xy[2 * i + 1] * 0.001);
        }
        return GeoJsonGeometry.FACTORY.createPolygon(cs);
    }

    static Geometry point(double lon, double lat) {
        return GeoJsonGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    static LayerFeature feature(String id, Geometry g) {
        return new LayerFeature(id, g, Map.of("name", "x"), null);
    }

    static Supplier<String> ids() {
        AtomicInteger n = new AtomicInteger();
        return () -> "new-" + n.incrementAndGet();
    }

    static List<FieldIssue> rejected(List<LayerFeature> features, LayerGeometryType type) {
        try {
            FeatureChecks.check(features, type, JSON, ids());
        } catch (FeaturesRejected e) {
            return e.fieldIssues();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void good_features_pass_and_missing_ids_are_assigned() {
        var checked = FeatureChecks.check(
                List.of(feature("a", point(116.3, 39.7)), feature(null, point(116.4, 39.8))),
                LayerGeometryType.POINT,
                JSON,
                ids());
        assertThat(checked.features()).extracting(LayerFeature::id).containsExactly("a", "new-1");
        assertThat(checked.repairs()).isEmpty();
    }

    @Test
    void a_slightly_self_intersecting_polygon_is_repaired_and_reported() {
        // A square whose closing edge dips below its base: a tiny second lobe.
        Geometry twisted = polygon(0, 0, 10, 0, 10, 10, 0, 10, 0, 0.1, 0.1, -0.1, 0, 0);
        assertThat(twisted.isValid()).isFalse();

        var checked = FeatureChecks.check(
                List.of(feature("ok", polygon(0, 0, 1, 0, 1, 1, 0, 0)), feature("twisted", twisted)),
                LayerGeometryType.POLYGON,
                JSON,
                ids());

        assertThat(checked.features().get(1).geometry().isValid()).isTrue();
        assertThat(checked.repairs()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.featureId()).isEqualTo("twisted");
            assertThat(r.areaChangePercent()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void a_bow_tie_is_refused_with_the_reason_because_repair_changes_its_area_wholesale() {
        Geometry bowTie = polygon(0, 0, 10, 10, 10, 0, 0, 10, 0, 0);
        List<FieldIssue> issues = rejected(
                List.of(feature("a", polygon(0, 0, 1, 0, 1, 1, 0, 0)), feature("b", bowTie)),
                LayerGeometryType.POLYGON);
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.field()).isEqualTo("features[1].geometry");
            assertThat(i.messageKey()).isEqualTo("layer.geometry.unrepairable");
            assertThat(String.valueOf(i.args()[0])).contains("Self-intersection");
        });
    }

    @Test
    void a_repair_changing_the_area_by_more_than_one_percent_is_refused() {
        // The lower lobe is a quarter of the upper one: far more than 1 % of area changes.
        Geometry lopsided = polygon(0, 0, 10, 0, 10, 10, 0, 10, 0, 2, 5, -3, 0, 0);
        assertThat(FeatureChecks.areaChangePercent(
                        lopsided, org.locationtech.jts.geom.util.GeometryFixer.fix(lopsided)))
                .isGreaterThan(1.0);
        assertThat(rejected(List.of(feature("x", lopsided)), LayerGeometryType.POLYGON))
                .extracting(FieldIssue::messageKey)
                .containsExactly("layer.geometry.unrepairable");
    }

    @Test
    void every_bad_feature_is_reported_by_index() {
        List<LayerFeature> features = new ArrayList<>();
        features.add(feature("ok", point(116.3, 39.7)));
        features.add(feature("far", point(200, 39.7)));
        features.add(feature("line", polygon(0, 0, 1, 0, 1, 1, 0, 0)));
        features.add(feature("ok", point(116.3, 39.7)));
        features.add(feature("bad/id", point(116.3, 39.7)));
        features.add(feature("empty", GeoJsonGeometry.FACTORY.createPoint()));
        features.add(new LayerFeature("nogeom", null, Map.of(), null));
        features.add(new LayerFeature("big", point(1, 1), Map.of("blob", "x".repeat(70_000)), null));

        List<FieldIssue> issues = rejected(features, LayerGeometryType.POINT);

        assertThat(issues)
                .extracting(FieldIssue::field, FieldIssue::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("features[1].geometry", "layer.geometry.out-of-range"),
                        org.assertj.core.groups.Tuple.tuple("features[2].geometry", "layer.geometry.wrong-type"),
                        org.assertj.core.groups.Tuple.tuple("features[3].id", "layer.feature.duplicate-id"),
                        org.assertj.core.groups.Tuple.tuple("features[4].id", "layer.feature.bad-id"),
                        org.assertj.core.groups.Tuple.tuple("features[5].geometry", "layer.geometry.empty"),
                        org.assertj.core.groups.Tuple.tuple("features[6].geometry", "layer.geometry.missing"),
                        org.assertj.core.groups.Tuple.tuple(
                                "features[7].properties", "layer.feature.properties-too-large"));
    }

    @Test
    void rejection_names_how_many_and_the_first_index() {
        assertThatThrownBy(() -> FeatureChecks.check(
                        List.of(feature("a", point(1, 1)), feature("b", point(1, 95)), feature("c", point(1, -95))),
                        LayerGeometryType.MIXED,
                        JSON,
                        ids()))
                .isInstanceOf(FeaturesRejected.class)
                .satisfies(e -> assertThat(((FeaturesRejected) e).args()).containsExactly(2, 1));
    }
}
