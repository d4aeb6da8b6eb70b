package org.cityos.basedata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.SourceOrganisation;
import org.junit.jupiter.api.Test;

class OrganisationPairScoreTest {
    static final AddressLink DAXING = new AddressLink("西路88号", "大兴区西镇西路88号", 1L, 0.95, "110115001001");
    static final AddressLink CHAOYANG = new AddressLink("建国路1号", "朝阳区建国路1号", 3L, 0.95, "110105001001");

    static SourceOrganisation org(String name, String representative, AddressLink address) {
        return new SourceOrganisation(
                1, 1, 2, "tax", Instant.EPOCH, null, null, null, name, representative, address, null, null, false);
    }

    @Test
    void missingEvidenceIsNeutralButANameAloneIsNotEnough() {
        assertThat(OrganisationPairScore.of(org("示例科技有限公司", null, DAXING), org("北京示例科技公司", "张伟", DAXING))
                        .score())
                .isEqualTo(1.0);
        assertThat(OrganisationPairScore.of(org("示例科技有限公司", null, null), org("示例科技有限公司", "张伟", DAXING))
                        .score())
                .isZero();
    }

    @Test
    void anotherRepresentativeAtTheSameDoorIsOnlyAPossibleMatch() {
        OrganisationPairScore.Outcome outcome =
                OrganisationPairScore.of(org("示例科技有限公司", "张伟", DAXING), org("示例科技有限公司", "孙丽", DAXING));
        assertThat(outcome.possible()).isTrue();
        assertThat(outcome.merge()).isFalse();
    }

    @Test
    void anotherDistrictNeedsTheSameRepresentative() {
        assertThat(OrganisationPairScore.of(org("示例科技有限公司", "张伟", DAXING), org("示例科技有限公司", "孙丽", CHAOYANG))
                        .explanation())
                .endsWith("district=different");
        assertThat(OrganisationPairScore.of(org("示例科技有限公司", "张伟", DAXING), org("示例科技有限公司", "张伟", CHAOYANG))
                        .score())
                .isGreaterThan(0);
    }

    @Test
    void aBranchNeverMatchesItsHeadOffice() {
        assertThat(OrganisationPairScore.of(org("示例科技有限公司", "张伟", DAXING), org("示例科技有限公司大兴分公司", "张伟", DAXING))
                        .score())
                .isZero();
    }
}
