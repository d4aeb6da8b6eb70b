package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.junit.jupiter.api.Test;

class PoiPolygonsTest {
    @Test
    void polygonsAndFeaturesAreAccepted() {
        String square =
                "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.6],[116.4,39.6],[116.4,39.7],[116.3,39.7],[116.3,39.6]]]}";
        assertThat(PoiPolygons.parse(square, Crs.WGS84).getArea())
                .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        String feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + square + "}";
        assertThat(PoiPolygons.parse(feature, Crs.GCJ02).getGeometryType()).isEqualTo("Polygon");
    }

    @Test
    void anythingElseIsBadInput() {
        for (String bad : new String[] {
            "",
            "{",
            "not json",
            "{\"type\":\"Point\",\"coordinates\":[116.3,39.6]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.6],[116.4,39.7],[116.4,39.6],[116.3,39.7],[116.3,39.6]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[190,39.6],[191,39.6],[191,39.7],[190,39.6]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":\"x\"}",
            "{\"type\":\"Polygon\"}"
        }) {
            assertThatThrownBy(() -> PoiPolygons.parse(bad, Crs.WGS84)).as(bad).isInstanceOf(InvalidInput.class);
        }
    }
}
