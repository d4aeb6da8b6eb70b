package org.cityos.spatial.internal.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.PoiClassDraft;
import org.cityos.spatial.PoiDraft;
import org.junit.jupiter.api.Test;

class PoiRulesTest {
    private static final GeoPoint AT = new GeoPoint(116.3, 39.7);

    @Test
    void aTidyDraftPasses() {
        assertThat(PoiRules.check(
                        new PoiDraft("school", "兴华小学", AT, "兴华路1号", "010-6924 1234转8", Map.of("grade", 6), "edu:0001")))
                .isEmpty();
    }

    @Test
    void eachBrokenFieldIsNamed() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("rooms", List.of(1, 2));
        assertThat(fields(new PoiDraft(" ", "x".repeat(201), null, "<script>", "call me", nested, "has space")))
                .containsExactlyInAnyOrder("class", "name", "location", "address", "phone", "attributes", "externalId");
    }

    @Test
    void tooManyAttributesAreRefused() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= PoiRules.MAX_ATTRIBUTES; i++) {
            many.put("k" + i, i);
        }
        assertThat(fields(new PoiDraft("school", "x", AT, null, null, many, null)))
                .containsExactly("attributes");
    }

    @Test
    void classDraftsNeedCodeNamesIconAndColour() {
        assertThat(PoiRules.checkClass(
                        new PoiClassDraft("kindergarten", "幼儿园", "Kindergarten", "child", "#FFAA00", 3), true))
                .isEmpty();
        assertThat(PoiRules.checkClass(new PoiClassDraft("K", "", null, "Child!", "orange", 10_001), true))
                .extracting(FieldIssue::field)
                .containsExactlyInAnyOrder("code", "nameZh", "nameEn", "icon", "colour", "sortOrder");
        assertThat(PoiRules.checkClass(new PoiClassDraft(null, "幼儿园", "Kindergarten", "child", "#FFAA00", null), false))
                .isEmpty();
    }

    private static List<String> fields(PoiDraft d) {
        return PoiRules.check(d).stream().map(FieldIssue::field).toList();
    }
}
