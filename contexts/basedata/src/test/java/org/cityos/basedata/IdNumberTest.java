package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {
    @Test
    void acceptsValidNumbersIncludingCheckCharacterX() {
        IdNumber.Parsed x = IdNumber.parse("11010519491231002x");
        assertThat(x.valid()).isTrue();
        assertThat(x.number().value()).isEqualTo("11010519491231002X");
        assertThat(x.number().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(x.number().gender()).isEqualTo('F');
        IdNumber.Parsed digit = IdNumber.parse("110115199003071231");
        assertThat(digit.valid()).isTrue();
        assertThat(digit.number().gender()).isEqualTo('M');
        assertThat(digit.converted()).isFalse();
    }

    @Test
    void refusesAWrongCheckDigitABadDateAndAWrongShape() {
        assertThat(IdNumber.parse("110115199003071232").fault()).isEqualTo(IdNumber.Fault.CHECK_DIGIT);
        assertThat(IdNumber.parse("110105194912310021").fault()).isEqualTo(IdNumber.Fault.CHECK_DIGIT);
        assertThat(IdNumber.parse("110115199002301231").fault()).isEqualTo(IdNumber.Fault.BIRTH_DATE);
        assertThat(IdNumber.parse("11011519900307123").fault()).isEqualTo(IdNumber.Fault.SHAPE);
        assertThat(IdNumber.parse("1101151990030712X1").fault()).isEqualTo(IdNumber.Fault.SHAPE);
        assertThat(IdNumber.parse(null).valid()).isFalse();
    }

    @Test
    void convertsAnOldFifteenDigitNumber() {
        IdNumber.Parsed old = IdNumber.parse("110105491231002");
        assertThat(old.valid()).isTrue();
        assertThat(old.converted()).isTrue();
        assertThat(old.number().value()).isEqualTo("11010519491231002X");
        assertThat(IdNumber.parse("110115900307123").number().value()).isEqualTo("110115199003071231");
        assertThat(IdNumber.parse("110115901307123").fault()).isEqualTo(IdNumber.Fault.BIRTH_DATE);
    }

    @Test
    void keysDifferForXAndZeroAndTheMaskKeepsAreaAndLastFour() {
        IdNumber x = IdNumber.parse("11010519491231002X").number();
        assertThat(x.key()).isEqualTo(11010519491231002L * 11 + 10);
        assertThat(x.masked()).isEqualTo("110105********002X");
        assertThat(x.toString()).doesNotContain("19491231");
    }
}
