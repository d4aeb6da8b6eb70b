package org.cityos.alerting.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {
    @Test
    void phonesKeepTheirFirstThreeAndLastFourCharacters() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("+8613812345678")).isEqualTo("+86*******5678");
        assertThat(Masks.isMaskedPhone(Masks.phone("+85261234")))
                .as("the shortest E.164 number")
                .isTrue();
    }

    @Test
    void secretsShowOnlyTheirLastFour() {
        assertThat(Masks.secret("whsec-0123456789abcdef")).isEqualTo("********cdef");
        assertThat(Masks.secret("short")).isEqualTo("********");
        assertThat(Masks.secret(null)).isNull();
    }
}
