package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.cityos.casework.internal.PublicText;
import org.junit.jupiter.api.Test;

/** What public text masks: mobile and ID numbers standing alone; longer digit runs and ordinary text stay. */
class PublicTextTest {
    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(PublicText.mask("请回电13812345678谢谢")).isEqualTo("请回电138****5678谢谢");
    }

    @Test
    void idNumbersKeepTheirRegionAndLastFour() {
        assertThat(PublicText.mask("身份证11010119900307123X")).isEqualTo("身份证110101********123X");
        assertThat(PublicText.mask("旧证110101900307123")).isEqualTo("旧证110101*****7123");
    }

    @Test
    void longerNumbersAndPlainTextAreLeftAlone() {
        assertThat(PublicText.mask("工单号20261125000000012345")).isEqualTo("工单号20261125000000012345");
        assertThat(PublicText.mask("12345热线")).isEqualTo("12345热线");
        assertThat(PublicText.mask(null)).isNull();
    }

    @Test
    void chineseNamesAreFamilyNameFirst() {
        assertThat(RequestChecks.name("三", "张")).isEqualTo("张三");
        assertThat(RequestChecks.name("Ann", "Lee")).isEqualTo("Ann Lee");
        assertThat(RequestChecks.name(null, "张")).isEqualTo("张");
    }
}
