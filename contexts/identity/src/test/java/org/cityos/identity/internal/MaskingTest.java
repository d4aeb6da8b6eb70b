package org.cityos.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesKeepPrefixAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("010-69241234")).isEqualTo("********1234");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void namesKeepFirstAndLastCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳小明")).isEqualTo("欧**明");
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.name("𠮷野家")).isEqualTo("𠮷*家");
    }

    @Test
    void emailsKeepTheDomain() {
        assertThat(Masking.email("wang.wu@bjdx.gov.cn")).isEqualTo("w***@bjdx.gov.cn");
    }

    @Test
    void tokensAreLongAndDigestsFixed() {
        String token = Secrets.token("cos_");
        assertThat(token).startsWith("cos_").hasSize(4 + 43);
        assertThat(Secrets.digest(token)).hasSize(32).isEqualTo(Secrets.digest(token));
        assertThat(Secrets.token("cos_")).isNotEqualTo(token);
    }
}
