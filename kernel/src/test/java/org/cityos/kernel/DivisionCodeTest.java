package org.cityos.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodeTest {

    @ParameterizedTest
    @CsvSource({
        "110000000000, PROVINCE, 11",
        "110100000000, CITY, 1101",
        "110115000000, DISTRICT, 110115",
        "110115005000, TOWN, 110115005",
        "110115005012, COMMUNITY, 110115005012",
        "110115005012003, GRID, 110115005012003"
    })
    void levelsAndPrefixesFollowTheCodeScheme(String code, DivisionLevel level, String prefix) {
        DivisionCode division = DivisionCode.of(code);
        assertThat(division.level()).isEqualTo(level);
        assertThat(division.prefix()).isEqualTo(prefix);
    }

    @Test
    void parentsWalkUpTheTree() {
        assertThat(DivisionCode.of("110115005012003").parent()).contains(DivisionCode.of("110115005012"));
        assertThat(DivisionCode.of("110115005012").parent()).contains(DivisionCode.of("110115005000"));
        assertThat(DivisionCode.of("110115005000").parent()).contains(DivisionCode.of("110115000000"));
        assertThat(DivisionCode.of("110115000000").parent()).contains(DivisionCode.of("110100000000"));
        assertThat(DivisionCode.of("110000000000").parent()).isEmpty();
    }

    @Test
    void containmentIsByPrefixAndLevel() {
        DivisionCode town = DivisionCode.of("110115005000");
        assertThat(town.contains(DivisionCode.of("110115005012003"))).isTrue();
        assertThat(town.contains(town)).isTrue();
        assertThat(town.contains(DivisionCode.of("110115006000"))).isFalse();
        assertThat(town.contains(DivisionCode.of("110115000000"))).isFalse();
        assertThat(DivisionCode.of("110115000000").contains(town)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11011500500", "1101150050001", "11011500500a", "110115005012000", "110115005000001"})
    void malformedCodesAreRefused(String code) {
        assertThatThrownBy(() -> DivisionCode.of(code)).isInstanceOf(InvalidDivisionCode.class);
        assertThat(DivisionCode.isValid(code)).isFalse();
    }
}
