package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The formula's defaults, the two treatments of an empty denominator, ranking ties, and refused settings. */
class RateFormulaTest {

    @Test
    void defaultsAreTenFortyFiveFortyFiveAndBasicallySatisfiedCountsEightTenths() {
        RateFormula f = RateFormula.defaults();
        assertThat(f).isEqualTo(new RateProperties(0.10, 0.45, 0.45, 0.8, RateFormula.EmptyRate.REWEIGHT, 2).formula());
        // 3 满意 + 1 基本满意 of 5 rated: (3 + 0.8) / 5 = 0.76
        assertThat(f.satisfactionRate(5, 3, 1)).isCloseTo(0.76, within(1e-12));
        // 0.1 × 0.9 + 0.45 × 0.8 + 0.45 × 0.76 = 0.09 + 0.36 + 0.342
        assertThat(f.composite(0.9, 0.8, 0.76)).isCloseTo(0.792, within(1e-12));
    }

    @Test
    void anEmptyRateIsNullAndTheCompositeReweightsOrCountsAsFull() {
        RateFormula reweight = RateFormula.defaults();
        assertThat(reweight.resolutionRate(0, 0)).isNull();
        // Only response (0.1) and satisfaction (0.45) exist: (0.1 × 0.5 + 0.45 × 1.0) / 0.55
        assertThat(reweight.composite(0.5, null, 1.0)).isCloseTo(0.5 / 0.55, within(1e-12));
        assertThat(reweight.composite(null, null, null)).isNull();

        RateFormula full = new RateFormula(0.10, 0.45, 0.45, 0.8, RateFormula.EmptyRate.FULL, 2);
        assertThat(full.resolutionRate(0, 0)).isEqualTo(1.0);
        RateRow row = RateRow.of("dept:x", null, 2, 1, 0, 0, 0, 0, 0, full);
        assertThat(row.composite()).isCloseTo(0.05 + 0.45 + 0.45, within(1e-12));
    }

    @Test
    void equalCompositesShareARankAndRowsWithoutOneRankLast() {
        RateFormula f = RateFormula.defaults();
        RateRow best = RateRow.of("a", null, 2, 2, 2, 2, 2, 2, 0, f);
        RateRow tieBig = RateRow.of("b", null, 4, 2, 0, 0, 0, 0, 0, f);
        RateRow tieSmall = RateRow.of("c", null, 2, 1, 0, 0, 0, 0, 0, f);
        RateRow none = RateRow.of("d", null, 0, 0, 0, 0, 0, 0, 0, f);
        List<RateRow> ranked = Rates.ranked(List.of(none, tieSmall, best, tieBig));
        assertThat(ranked).extracting(RateRow::key).containsExactly("a", "b", "c", "d");
        assertThat(ranked).extracting(RateRow::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new RateFormula(-0.1, 0.5, 0.6, 0.8, null, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateFormula(0, 0, 0, 0.8, null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateFormula(0.1, 0.45, 0.45, 1.5, null, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateFormula(0.1, 0.45, 0.45, 0.8, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
