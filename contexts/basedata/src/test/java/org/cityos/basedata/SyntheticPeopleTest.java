package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.cityos.basedata.internal.NameAgreement;
import org.cityos.spatial.StandardAddress;
import org.junit.jupiter.api.Test;

class SyntheticPeopleTest {
    static final List<StandardAddress> ADDRESSES = List.of(
            new StandardAddress("大兴区", "旧宫镇", null, "旧宫西路", "88", "88号院", "3", "2", "301"),
            new StandardAddress("大兴区", "西红门镇", null, "欣宁街", "5", null, null, null, null));

    record Files(String register, String civil, String hr, SyntheticPeople.Generated truth) {}

    static Files generate(long seed) throws IOException {
        StringWriter register = new StringWriter();
        StringWriter civil = new StringWriter();
        StringWriter hr = new StringWriter();
        SyntheticPeople.Generated truth = SyntheticPeople.write(seed, 2_000, 0.05, ADDRESSES, register, civil, hr);
        return new Files(register.toString(), civil.toString(), hr.toString(), truth);
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws IOException {
        Files a = generate(7);
        Files b = generate(7);
        assertThat(a.register()).isEqualTo(b.register());
        assertThat(a.civil()).isEqualTo(b.civil());
        assertThat(generate(8).register()).isNotEqualTo(a.register());
    }

    @Test
    void everyPlantedDuplicateIsOfItsKind() throws IOException {
        Files f = generate(7);
        String[] register = f.register().split("\n");
        String[] civil = f.civil().split("\n");
        String[] hr = f.hr().split("\n");
        int planted = f.truth().planted().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(planted).isBetween(60, 140).isEqualTo(civil.length - 1 + hr.length - 1);
        for (int i = 1; i < civil.length; i++) {
            String[] dup = civil[i].split(",", -1);
            String[] orig = register[f.truth().originalOf().get(0)[i - 1] + 1].split(",", -1);
            assertThat(dup[0]).as("no ID number in a community register").isEmpty();
            switch (f.truth().kindOf().get(0)[i - 1]) {
                case HOMOPHONE -> assertThat(NameAgreement.of(orig[1], dup[1])).isEqualTo(NameAgreement.HOMOPHONE);
                case NO_BIRTH_DATE -> assertThat(dup[3]).isEmpty();
                case ADDRESS_WRITTEN_ELSE ->
                    assertThat(dup[4]).isNotEqualTo(orig[4]).doesNotStartWith("北京市");
                default -> throw new AssertionError("an old ID number in the civil affairs file");
            }
        }
        for (int i = 1; i < hr.length; i++) {
            String[] dup = hr[i].split(",", -1);
            String[] orig = register[f.truth().originalOf().get(1)[i - 1] + 1].split(",", -1);
            assertThat(dup[0]).hasSize(15);
            assertThat(IdNumber.parse(dup[0]).number().value()).isEqualTo(orig[0]);
        }
        for (int i = 1; i < register.length; i++) {
            assertThat(IdNumber.parse(register[i].split(",")[0]).valid()).isTrue();
        }
    }
}
