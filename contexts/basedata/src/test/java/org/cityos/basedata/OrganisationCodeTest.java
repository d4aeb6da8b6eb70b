package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationCodeTest {
    @Test
    void theCheckCharacterIsMod11OverWeightedCharacters() {
        // 1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201; 201 mod 11 = 3; 11 − 3 = 8
        assertThat(OrganisationCode.parse("12345678-8").code()).isEqualTo(new OrganisationCode("123456788"));
        // M=22, A=10, B=11: 66 + 70 + 0 + 10 + 50 + 16 + 44 + 6 = 262; 262 mod 11 = 9; 11 − 9 = 2
        assertThat(OrganisationCode.parse("ma01a2b32").valid()).isTrue();
        assertThat(OrganisationCode.parse("12345678-7").fault()).isEqualTo("problem.organisation-code-check-character");
        assertThat(OrganisationCode.parse("1234567-8").fault()).isEqualTo("problem.organisation-code-shape");
        assertThat(OrganisationCode.parse("1234567#8").fault()).isEqualTo("problem.organisation-code-shape");
    }

    @Test
    void remaindersOfOneAndZeroGiveXAndZero() {
        // 6·2 = 12 ≡ 1 (mod 11): 11 − 1 = 10 → X; a sum ≡ 0: 11 − 0 = 11 → 0
        assertThat(OrganisationCode.checkChar("00000006")).isEqualTo('X');
        assertThat(OrganisationCode.checkChar("00000000")).isEqualTo('0');
        assertThat(OrganisationCode.parse("00000006-x").valid()).isTrue();
    }

    @Test
    void aCreditCodeEmbedsItsOrganisationCodeAtPositions9To17() {
        assertThat(OrganisationCode.within("91110115MA01A2B32Q")).isEqualTo("MA01A2B32");
        assertThat(OrganisationCode.within(null)).isNull();
    }
}
