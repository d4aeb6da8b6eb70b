package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cityos.basedata.internal.OrganisationName;
import org.cityos.spatial.StandardAddress;
import org.junit.jupiter.api.Test;

class SyntheticOrganisationsTest {
    static final List<StandardAddress> ADDRESSES = List.of(
            new StandardAddress("大兴区", "旧宫镇", null, "旧宫西路", "88", "88号院", "3", "2", "301"),
            new StandardAddress("大兴区", "西红门镇", null, "欣宁街", "5", null, null, null, null));

    @Test
    void everyCodeIsValidAndDistinctAndEveryKindIsPlanted() throws Exception {
        StringWriter registry = new StringWriter();
        StringWriter tax = new StringWriter();
        SyntheticOrganisations.Generated truth = SyntheticOrganisations.write(7, 2000, 0.05, ADDRESSES, registry, tax);
        List<String> rows = registry.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(2000);
        Set<String> codes = new HashSet<>();
        for (String row : rows) {
            String code = row.split(",")[0];
            assertThat(CreditCode.parse(code).valid()).as(code).isTrue();
            assertThat(OrganisationCode.parse(OrganisationCode.within(code)).valid())
                    .as(code)
                    .isTrue();
            codes.add(code);
        }
        assertThat(codes).hasSize(2000);
        assertThat(truth.planted()).containsOnlyKeys(SyntheticOrganisations.Kind.values());
        List<String> duplicates = tax.toString().lines().skip(1).toList();
        assertThat(duplicates).hasSize(truth.originalOf().length);
        for (int i = 0; i < duplicates.size(); i++) {
            String original = rows.get(truth.originalOf()[i]).split(",")[1];
            String copy = duplicates.get(i).split(",", -1)[2];
            if (truth.kindOf()[i] != SyntheticOrganisations.Kind.ORGANISATION_CODE_ONLY) {
                assertThat(OrganisationName.of(copy).core().length())
                        .as(copy + " is written from " + original)
                        .isEqualTo(OrganisationName.of(original).core().length());
            }
        }
        StringWriter again = new StringWriter();
        SyntheticOrganisations.write(7, 2000, 0.05, ADDRESSES, again, new StringWriter());
        assertThat(again.toString()).as("the same seed writes the same file").isEqualTo(registry.toString());
    }
}
