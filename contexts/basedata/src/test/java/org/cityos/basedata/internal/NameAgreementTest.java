package org.cityos.basedata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameAgreementTest {
    @Test
    void homophoneCharactersCountAsNearMatches() {
        assertThat(NameAgreement.of("张伟", "张伟")).isEqualTo(NameAgreement.SAME);
        assertThat(NameAgreement.of("张伟", "张炜")).isEqualTo(NameAgreement.HOMOPHONE);
        assertThat(NameAgreement.of("李静", "李婧")).isEqualTo(NameAgreement.HOMOPHONE);
        assertThat(NameAgreement.of("张伟", "张强")).isEqualTo(NameAgreement.DIFFERENT);
        assertThat(NameAgreement.of("张伟", "张伟伟")).isEqualTo(NameAgreement.DIFFERENT);
        assertThat(Pinyin.soundKey("张伟")).isEqualTo(Pinyin.soundKey("章炜"));
        assertThat(Pinyin.spell("张伟")).isEqualTo("zhang wei");
    }
}
