package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    @Test
    void acceptsTheStandardsExampleAndComputesItsCheckCharacter() {
        CreditCode.Parsed parsed = CreditCode.parse("91350100m000100y43");
        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.code().value()).isEqualTo("91350100M000100Y43");
        assertThat(parsed.code().area()).isEqualTo("350100");
        assertThat(CreditCode.checkChar("91110115MA01A2B3C")).isEqualTo('K');
        assertThat(CreditCode.parse("91110115MA01A2B3CK").valid()).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterAndLettersOutsideTheAlphabet() {
        assertThat(CreditCode.parse("91350100M000100Y44").fault()).isEqualTo(CreditCode.Fault.CHECK_CHARACTER);
        assertThat(CreditCode.parse("91350100M000100I43").fault()).isEqualTo(CreditCode.Fault.SHAPE);
        assertThat(CreditCode.parse("91350100M000100O43").fault()).isEqualTo(CreditCode.Fault.SHAPE);
        assertThat(CreditCode.parse("9135010").fault()).isEqualTo(CreditCode.Fault.SHAPE);
    }
}
