package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.casework.CaseBench.OPERATOR;
import static org.cityos.casework.CaseBench.WEST_COMMUNITY;
import static org.cityos.casework.CaseBench.WEST_TOWN;
import static org.cityos.casework.CaseBench.unit;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rule that answers: the longest category prefix first, then the longest division prefix, else none. */
class DispatchRulesIT {
    static CaseBench bench;

    @BeforeAll
    static void start() {
        bench = new CaseBench();
        rule("X9", "", "dept:urban-management");
        rule("X905", "", "dept:water-affairs");
        rule("X905", WEST_TOWN.substring(0, 9), "town:" + WEST_TOWN);
        rule("X9", WEST_TOWN.substring(0, 9), "dept:ecology");
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @Test
    void theMostSpecificCategoryWinsBeforeTheMostSpecificDivision() {
        assertThat(unitFor("X90501", WEST_COMMUNITY)).isEqualTo("town:" + WEST_TOWN);
        assertThat(unitFor("X90501", "110115002001")).isEqualTo("dept:water-affairs");
        assertThat(unitFor("X90501", null)).isEqualTo("dept:water-affairs");
        assertThat(unitFor("X901", WEST_COMMUNITY)).isEqualTo("dept:ecology");
        assertThat(unitFor("X901", "110115002001")).isEqualTo("dept:urban-management");
    }

    @Test
    void aCategoryNoRuleCoversHasNone() {
        assertThat(bench.rules.resolve("Y1", WEST_COMMUNITY)).isEmpty();
        assertThat(bench.rules.resolve(null, WEST_COMMUNITY)).isEmpty();
    }

    private static String unitFor(String category, String division) {
        return bench.rules.resolve(category, division).orElseThrow().unit().toString();
    }

    private static void rule(String category, String division, String unit) {
        bench.rules.create(OPERATOR, new DispatchRule(0, category, division, unit(unit), List.of(), true, 0));
    }
}
