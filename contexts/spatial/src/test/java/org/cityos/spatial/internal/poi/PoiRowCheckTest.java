package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiClass;
import org.junit.jupiter.api.Test;

class PoiRowCheckTest {
    private static final List<PoiClass> CLASSES =
            List.of(new PoiClass("hospital", "医院", "Hospital", "hospital", "#E74C3C", 3, 0));

    @Test
    void classIsAcceptedByCodeChineseOrEnglishName() {
        for (String given : List.of("hospital", "医院", "HOSPITAL")) {
            var checked = new PoiRowCheck(CLASSES, Crs.WGS84).check(row(Map.of("class", given)));
            assertThat(checked.issues()).isEmpty();
            assertThat(checked.draft().classCode()).isEqualTo("hospital");
        }
    }

    @Test
    void coordinatesAreConvertedFromTheJobsCrs() {
        GeoPoint wgs = new GeoPoint(116.4, 39.7);
        GeoPoint bd = Crs.BD09.fromWgs84(wgs);
        var checked = new PoiRowCheck(CLASSES, Crs.BD09)
                .check(row(Map.of("lon", String.valueOf(bd.lon()), "lat", String.valueOf(bd.lat()))));
        assertThat(checked.draft().location().distanceTo(wgs)).isLessThan(0.01);
    }

    @Test
    void badCellsBecomeFieldIssuesNotExceptions() {
        var checked = new PoiRowCheck(CLASSES, Crs.WGS84)
                .check(row(Map.of("class", "学校", "lon", "east", "lat", "200", "attributes", "[1,2]")));
        assertThat(checked.draft()).isNull();
        assertThat(checked.issues())
                .extracting(FieldIssue::field, FieldIssue::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("class", "problem.unknown-poi-class"),
                        org.assertj.core.groups.Tuple.tuple("lon", "problem.poi-not-a-number"),
                        org.assertj.core.groups.Tuple.tuple("attributes", "problem.poi-attributes-json"));
        var range = new PoiRowCheck(CLASSES, Crs.WGS84).check(row(Map.of("lat", "95")));
        assertThat(range.issues()).extracting(FieldIssue::field).containsExactly("lat");
    }

    @Test
    void extraColumnsAndTheAttributesColumnMerge() {
        PoiRow r = new PoiRow(1, fields(Map.of("attributes", "{\"beds\":300}")), Map.of("等级", "三甲"), List.of());
        var checked = new PoiRowCheck(CLASSES, Crs.WGS84).check(r);
        assertThat(checked.draft().attributes()).containsEntry("beds", 300).containsEntry("等级", "三甲");
    }

    private static PoiRow row(Map<String, String> overrides) {
        return new PoiRow(1, fields(overrides), Map.of(), List.of());
    }

    private static Map<String, String> fields(Map<String, String> overrides) {
        Map<String, String> f =
                new HashMap<>(Map.of("name", "人民医院", "class", "hospital", "lon", "116.3", "lat", "39.6"));
        f.putAll(overrides);
        return f;
    }
}
