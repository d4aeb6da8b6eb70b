package org.cityos.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.DivisionKind;
import org.junit.jupiter.api.Test;

class DivisionRulesTest {

    @Test
    void aWellFormedCommunityPasses() {
        assertThat(DivisionRules.check("110115005012", "社区", "枣园社区")).isEmpty();
        assertThat(DivisionRules.check("110115005012003", "GRID", "枣园社区第3网格")).isEmpty();
    }

    @Test
    void kindMustFitTheLevelTheCodeImplies() {
        assertThat(DivisionRules.check("110115005000", "VILLAGE", "黄村"))
                .extracting(FieldIssue::field, FieldIssue::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", "problem.kind-level-mismatch"));
    }

    @Test
    void everyBrokenFieldIsReported() {
        assertThat(DivisionRules.check("1101150", "hamlet", " "))
                .extracting(FieldIssue::field)
                .containsExactly("code", "kind", "name");
        assertThat(DivisionRules.check("110115005012", "COMMUNITY", "<script>"))
                .extracting(FieldIssue::messageKey)
                .containsExactly("problem.name-characters");
        assertThat(DivisionRules.check("110115005012", "COMMUNITY", "名".repeat(101)))
                .extracting(FieldIssue::messageKey)
                .containsExactly("validation.too-long");
    }

    @Test
    void kindsAreReadByNameOrChineseLabel() {
        assertThat(DivisionRules.kind("village")).contains(DivisionKind.VILLAGE);
        assertThat(DivisionRules.kind("村")).contains(DivisionKind.VILLAGE);
        assertThat(DivisionRules.kind("街道")).contains(DivisionKind.SUBDISTRICT);
        assertThat(DivisionRules.kind("镇街")).isEmpty();
    }

    @Test
    void referenceRowsGetTheKindTheirCodeRangeAndNameImply() {
        assertThat(DivisionRules.townshipKind("street_or_area_office(街道/地区办事处)", "兴丰街道"))
                .isEqualTo(DivisionKind.SUBDISTRICT);
        assertThat(DivisionRules.townshipKind("street_or_area_office(街道/地区办事处)", "黄村地区"))
                .isEqualTo(DivisionKind.AREA_OFFICE);
        assertThat(DivisionRules.townshipKind("town(镇)", "采育镇")).isEqualTo(DivisionKind.TOWN);
        assertThat(DivisionRules.townshipKind("township_like_unit(类似乡级单位)", "大兴国际机场"))
                .isEqualTo(DivisionKind.SPECIAL_ZONE);
    }
}
