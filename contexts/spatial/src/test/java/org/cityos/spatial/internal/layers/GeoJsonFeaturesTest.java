package org.cityos.spatial.internal.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerProblems.FeaturesRejected;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonFeaturesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<LayerFeature> read(String text) {
        return GeoJsonFeatures.read(JSON.readTree(text.replace('\'', '"')), JSON);
    }

    @Test
    void reads_every_geometry_type_with_ids_properties_and_time() {
        List<LayerFeature> features = read("{'type':'FeatureCollection','features':["
                + "{'type':'Feature','id':'a','geometry':{'type':'Point','coordinates':[116.3,39.7,12]},"
                + "'properties':{'name':'站点','datetime':'2026-01-01T08:00:00+08:00'}},"
                + "{'type':'Feature','id':7,'geometry':{'type':'LineString','coordinates':[[116.3,39.7],[116.4,39.8]]},"
                + "'properties':null},"
                + "{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,0]]]}},"
                + "{'type':'Feature','geometry':{'type':'MultiPolygon','coordinates':[[[[0,0],[1,0],[1,1],[0,0]]]]}},"
                + "{'type':'Feature','geometry':{'type':'MultiPoint','coordinates':[[0,0],[1,1]]}},"
                + "{'type':'Feature','geometry':{'type':'MultiLineString','coordinates':[[[0,0],[1,1]]]}},"
                + "{'type':'Feature','geometry':{'type':'GeometryCollection','geometries':["
                + "{'type':'Point','coordinates':[0,0]}]}}]}");

        assertThat(features).hasSize(7);
        assertThat(features.get(0).id()).isEqualTo("a");
        assertThat(features.get(0).properties()).containsEntry("name", "站点");
        assertThat(features.get(0).datetime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(features.get(1).id()).isEqualTo("7");
        assertThat(features.get(2).id()).isNull();
        assertThat(features)
                .extracting(f -> f.geometry().getGeometryType())
                .containsExactly(
                        "Point",
                        "LineString",
                        "Polygon",
                        "MultiPolygon",
                        "MultiPoint",
                        "MultiLineString",
                        "GeometryCollection");
    }

    @Test
    void round_trips_through_the_writer() {
        String doc = "{'type':'Feature','id':'p','geometry':{'type':'Polygon','coordinates':"
                + "[[[116.0,39.0],[117.0,39.0],[117.0,40.0],[116.0,39.0]],[[116.5,39.2],[116.8,39.2],[116.8,39.5],[116.5,39.2]]]},"
                + "'properties':{}}";
        LayerFeature f = read(doc).get(0);
        JsonNode written = GeoJsonGeometry.write(f.geometry(), Crs.WGS84);
        assertThat(GeoJsonGeometry.read(written).equalsExact(f.geometry())).isTrue();
        assertThat(written.get("coordinates").get(1).get(0).get(0).asDouble()).isEqualTo(116.5);
    }

    @Test
    void unreadable_features_are_reported_by_index() {
        assertThatThrownBy(() -> read("{'type':'FeatureCollection','features':["
                        + "{'type':'Feature','geometry':{'type':'Point','coordinates':[1,2]}},"
                        + "{'type':'Feature','geometry':{'type':'Polygon','coordinates':[[[0,0],[1,0],[1,1],[0,1]]]}},"
                        + "{'type':'Feature','geometry':{'type':'Point','coordinates':['a','b']}},"
                        + "{'type':'Feature','geometry':{'type':'Circle','coordinates':[1,2]}},"
                        + "{'type':'Feature','geometry':null},"
                        + "{'type':'Feature','geometry':{'type':'Point','coordinates':[1,2]},'properties':{'datetime':'soon'}},"
                        + "{'type':'Thing'},"
                        + "{'type':'Feature','geometry':{'type':'LineString','coordinates':[[1,2]]}}]}"))
                .isInstanceOf(FeaturesRejected.class)
                .satisfies(e -> assertThat(((FeaturesRejected) e).fieldIssues())
                        .extracting(FieldIssue::field, FieldIssue::messageKey)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(
                                        "features[1].geometry", "layer.geojson.ring-not-closed"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "features[2].geometry", "layer.geojson.bad-position"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "features[3].geometry", "layer.geojson.unknown-type"),
                                org.assertj.core.groups.Tuple.tuple("features[4].geometry", "layer.geometry.missing"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "features[5].properties.datetime", "layer.feature.bad-datetime"),
                                org.assertj.core.groups.Tuple.tuple("features[6]", "layer.geojson.not-a-feature"),
                                org.assertj.core.groups.Tuple.tuple(
                                        "features[7].geometry", "layer.geojson.too-few-positions")));
    }

    @Test
    void something_other_than_a_collection_is_refused() {
        assertThatThrownBy(() -> read("{'type':'Point','coordinates':[1,2]}")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void gcj02_input_is_converted_to_wgs84() {
        LayerFeature f = read("{'type':'Feature','geometry':{'type':'Point','coordinates':[116.3397,39.7325]}}")
                .get(0);
        LayerFeature wgs = FeatureCrs.toWgs84(f, Crs.GCJ02);
        assertThat(wgs.geometry().getCoordinate().x).isNotEqualTo(116.3397);
        var back = Crs.GCJ02.fromWgs84(new org.cityos.kernel.GeoPoint(
                wgs.geometry().getCoordinate().x, wgs.geometry().getCoordinate().y));
        assertThat(back.lon()).isCloseTo(116.3397, org.assertj.core.api.Assertions.within(1e-7));
        assertThat(f.geometry().getCoordinate().x).as("input untouched").isEqualTo(116.3397);
    }
}
