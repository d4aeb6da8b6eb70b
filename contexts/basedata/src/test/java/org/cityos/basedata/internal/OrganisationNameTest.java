package org.cityos.basedata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationNameTest {
    @Test
    void legalFormsBracketsRegionsWidthAndSpacesAllGo() {
        for (String written : new String[] {
            "北京示例科技有限公司", "示例科技（北京）有限公司", "示例科技(北京)有限责任公司", "示例科技股份有限公司", "北京市示例科技公司", "示例 科技　有限公司",
        }) {
            assertThat(OrganisationName.of(written).core()).as(written).isEqualTo("示例科技");
        }
        assertThat(OrganisationName.of("示例科技（北京）有限公司").region()).isEqualTo("北京");
        assertThat(OrganisationName.of("ＡＢＣ软件有限公司").core()).isEqualTo("ABC软件");
    }

    @Test
    void aBranchIsRememberedAndRegionsTellNamesakesApart() {
        OrganisationName branch = OrganisationName.of("北京示例科技有限公司大兴分公司");
        assertThat(branch.branch()).isTrue();
        assertThat(branch.core()).isEqualTo("示例科技大兴");
        assertThat(OrganisationName.of("北京示例科技有限公司").branch()).isFalse();
        assertThat(OrganisationName.of("上海示例科技有限公司").regionDiffers(OrganisationName.of("示例科技（北京）有限公司")))
                .isTrue();
        assertThat(OrganisationName.of("示例科技有限公司").regionDiffers(OrganisationName.of("北京示例科技有限公司")))
                .as("a region on one side only is no difference")
                .isFalse();
        assertThat(OrganisationName.of("中国石油有限公司").core())
                .as("中国 leads real names")
                .isEqualTo("中国石油");
        assertThat(OrganisationName.of("有限公司").core()).as("never empty").isEqualTo("有限公司");
    }
}
