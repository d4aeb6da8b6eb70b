package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.basedata.PeopleFixture.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known set of organisation files with one duplicate of each kind the matcher must find (legal-form
 * suffix, bracketed region, homophone character, address written otherwise, organisation code only, old
 * registration number only) and near-misses it must not merge (a branch, a namesake in another district
 * with another legal representative, two credit codes, a keyless record fitting both of them).
 */
class OrganisationMatchingIT {
    static final String SAMPLE = code("MA01A2B3");
    static final String LOGISTICS = code("MA01C4D5");
    static final String HUALIAN = code("MA01E6F7");
    static final String DONGFANG = code("MA01G8H9");
    static final String XINCHENG = code("MA01J1K2");
    static final String ANCIENT = code("MA01L3M4");
    static final String NAMESAKE_A = code("MA01N5P6");
    static final String NAMESAKE_B = code("MA01Q7R8");

    static final String REGISTRY = "统一社会信用代码,注册号,企业名称,法定代表人,住所,行业代码,登记状态\n"
            + SAMPLE + ",,北京示例科技有限公司,张伟,北京市大兴区西镇西路88号,I6510,存续\n"
            + LOGISTICS + ",,示例物流有限公司,李娜,北京市大兴区东镇东路5号,G5430,存续\n"
            + HUALIAN + ",,大兴华联商贸有限责任公司,王强,北京市大兴区西镇南街3号,F5211,存续\n"
            + DONGFANG + ",,东方建材有限公司,赵敏,北京市大兴区东镇东路5号,F5165,存续\n"
            + XINCHENG + ",,新城餐饮管理有限公司,陈静,北京市大兴区西镇北街9号,H6210,存续\n"
            + ANCIENT + ",110115000123456,老字号酱菜有限公司,刘洋,北京市大兴区东镇南街2号,C1469,存续\n"
            + NAMESAKE_A + ",,同名商贸有限公司,周杰,北京市大兴区西镇西路88号,F5211,存续\n"
            + NAMESAKE_B + ",,同名商贸有限公司,周杰,北京市大兴区西镇西路88号,F5211,存续\n";
    static final String TAX = """
            统一社会信用代码,单位名称,法定代表人,住所,登记状态
            ,示例科技（北京）有限公司,张伟,西镇西路八十八号,注销
            ,示例物流有限责任公司,李娜,北京市大兴区东镇东路5号,
            ,大兴华连商贸有限公司,王强,北京市大兴区西镇南街3号,
            ,东方建材有限公司,钱多,北京市大兴区东镇东路5号,
            ,北京示例科技有限公司大兴分公司,张伟,北京市大兴区西镇西路88号,
            ,示例科技有限公司,孙丽,北京市朝阳区建国路1号,
            ,同名商贸公司,周杰,北京市大兴区西镇西路88号,
            """;
    static final String STATISTICS = "组织机构代码,注册号,单位名称,法定代表人,住所\n"
            + XINCHENG.substring(8, 12) + XINCHENG.substring(12, 16) + "-" + XINCHENG.charAt(16)
            + ",,新城快餐店,,北京市大兴区西镇北街9号\n"
            + ",110115000123456,老字号酱园,,\n";

    PeopleFixture f;

    @BeforeEach
    void start() {
        f = new PeopleFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A credit code of the district (法人企业, 91) embedding a valid organisation code of {@code body}. */
    static String code(String body) {
        String organisation = body + OrganisationCode.checkChar(body);
        String first17 = "91110115" + organisation;
        return first17 + CreditCode.checkChar(first17);
    }

    ImportReport load(String department, String csv) {
        return f.organisations.importFile(
                STEWARD,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new People.ImportFile(department, department + ".csv", null, Map.of(), false));
    }

    void loadAll() {
        assertThat(load("market-regulation", REGISTRY).rowsRejected()).isZero();
        f.clock.advance(java.time.Duration.ofDays(1));
        assertThat(load("tax", TAX).rowsRejected()).isZero();
        f.clock.advance(java.time.Duration.ofDays(1));
        assertThat(load("statistics", STATISTICS).rowsRejected()).isZero();
    }

    /** The golden record of the source record of {@code department} named {@code name}. */
    long golden(String department, String name) {
        return f.count(
                "SELECT m.organisation_id FROM basedata_organisation_member m"
                        + " JOIN basedata_organisation_source s ON s.id = m.source_id"
                        + " WHERE s.department = ? AND s.name = ?",
                department,
                name);
    }

    @Test
    void eachKindOfDuplicateIsMatchedIntoItsOrganisation() {
        loadAll();
        long sample = golden("market-regulation", "北京示例科技有限公司");
        assertThat(golden("tax", "示例科技（北京）有限公司"))
                .as("bracketed region, address written otherwise")
                .isEqualTo(sample);
        assertThat(golden("tax", "示例物流有限责任公司"))
                .as("legal-form suffix")
                .isEqualTo(golden("market-regulation", "示例物流有限公司"));
        assertThat(golden("tax", "大兴华连商贸有限公司"))
                .as("homophone character 联/连")
                .isEqualTo(golden("market-regulation", "大兴华联商贸有限责任公司"));
        assertThat(golden("statistics", "新城快餐店"))
                .as("organisation code only, whatever the name")
                .isEqualTo(golden("market-regulation", "新城餐饮管理有限公司"));
        assertThat(golden("statistics", "老字号酱园"))
                .as("old registration number only")
                .isEqualTo(golden("market-regulation", "老字号酱菜有限公司"));

        assertThat(f.organisations.matches(STEWARD, sample))
                .filteredOn(MatchDecision::merged)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.rule()).isEqualTo("fuzzy");
                    assertThat(d.score()).isGreaterThanOrEqualTo(0.88);
                    assertThat(d.explanation())
                            .contains("name=same-normalised", "representative=same", "address=same-standard-address");
                });
        assertThat(f.organisations.matches(STEWARD, golden("statistics", "新城快餐店")))
                .extracting(MatchDecision::rule, MatchDecision::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exact-organisation-code", 1.0));

        OrganisationView view = f.organisations.get(STEWARD, sample, Set.of());
        assertThat(view.sources()).isEqualTo(2);
        assertThat(view.creditCode()).isEqualTo(SAMPLE);
        assertThat(view.name()).as("the registrar wins the name").isEqualTo("北京示例科技有限公司");
        assertThat(view.status())
                .as("and the status, though the tax file is newer")
                .isEqualTo("ACTIVE");
        assertThat(view.address().text()).as("the newest address").isEqualTo("西镇西路八十八号");
    }

    @Test
    void nearMissesStayApartAndDoubtfulPairsAreQueuedForASteward() {
        loadAll();
        long sample = golden("market-regulation", "北京示例科技有限公司");
        assertThat(golden("tax", "北京示例科技有限公司大兴分公司"))
                .as("a branch is not its head office")
                .isNotEqualTo(sample);
        assertThat(golden("tax", "示例科技有限公司"))
                .as("same name, another district, another legal representative")
                .isNotEqualTo(sample);
        long a = f.count(
                "SELECT organisation_id FROM basedata_organisation_member m JOIN basedata_organisation_source s"
                        + " ON s.id = m.source_id WHERE s.credit_code = ?",
                NAMESAKE_A);
        long b = f.count(
                "SELECT organisation_id FROM basedata_organisation_member m JOIN basedata_organisation_source s"
                        + " ON s.id = m.source_id WHERE s.credit_code = ?",
                NAMESAKE_B);
        assertThat(a).as("two credit codes are two organisations").isNotEqualTo(b);
        long keyless = golden("tax", "同名商贸公司");
        assertThat(keyless).as("a record fitting both stays alone").isNotIn(a, b);
        assertThat(f.organisations.matches(STEWARD, keyless))
                .extracting(MatchDecision::rule)
                .containsOnly("ambiguous")
                .hasSize(2);

        long dongfang = golden("market-regulation", "东方建材有限公司");
        assertThat(golden("tax", "东方建材有限公司"))
                .as("same name and door, another legal representative: not merged")
                .isNotEqualTo(dongfang);
        List<MatchDecision> queue = f.organisations.possibleMatches(STEWARD, PageRequest.of(0, 10));
        assertThat(queue).singleElement().satisfies(d -> {
            assertThat(d.merged()).isFalse();
            assertThat(d.score()).isBetween(0.70, 0.88);
            assertThat(d.explanation()).contains("name=same", "representative=different");
        });
        assertThat(f.organisations.matches(STEWARD, dongfang))
                .extracting(MatchDecision::rule)
                .containsExactly("possible");
        assertThat(f.count("SELECT count(*) FROM basedata_organisation")).isEqualTo(12);
        assertThatThrownBy(() -> f.organisations.possibleMatches(OPERATOR, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void olderKeysAreCheckedAtImport() {
        ImportReport report = load(
                "statistics",
                "统一社会信用代码,组织机构代码,注册号,单位名称\n"
                        + SAMPLE + "," + LOGISTICS.substring(8, 17) + ",,不一致的代码有限公司\n"
                        + ",12345678-7,,坏校验有限公司\n"
                        + ",12345678-8,11011500012345,短注册号有限公司\n"
                        + ",MA01A2B3-2,110115000123456,好代码有限公司\n");
        assertThat(report.rowsStored()).isEqualTo(1);
        assertThat(report.issues())
                .extracting(RowIssue::row, RowIssue::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2, "problem.organisation-code-mismatch"),
                        org.assertj.core.groups.Tuple.tuple(3, "problem.organisation-code-check-character"),
                        org.assertj.core.groups.Tuple.tuple(4, "problem.registration-number-shape"));
    }
}
