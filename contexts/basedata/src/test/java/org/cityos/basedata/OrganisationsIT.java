package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.basedata.PeopleFixture.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationsIT {
    static final String REGISTRY = """
            统一社会信用代码,企业名称,法定代表人,住所,行业代码,登记状态
            91350100M000100Y43,大兴示例科技有限公司,张伟,北京市大兴区西镇西路88号,I6510,存续
            91350100M000100Y44,坏校验有限公司,李四,,I65,存续
            91110115MA01A2B3CK,,王五,,C30,存续
            91110115MA01A2B3CK,行业不对有限公司,王五,,Z99,存续
            91110115MA01A2B3CK,状态不对有限公司,王五,,C30,火星
            ,无代码的个体户,赵六,北京市大兴区东镇东路5号,F52,在业
            """;
    static final String TAX = """
            统一社会信用代码,单位名称,法定代表人,住所,登记状态
            91350100M000100Y43,大兴示例科技公司,张伟,北京市大兴区西镇西路99号,注销
            """;

    PeopleFixture f;

    @BeforeEach
    void start() {
        f = new PeopleFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    ImportReport load(String department, String csv) {
        return f.organisations.importFile(
                STEWARD,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new People.ImportFile(department, department + ".csv", null, Map.of(), true));
    }

    @Test
    void badRowsListedOneGoldenRecordPerCreditCodeWithSurvivorship() {
        ImportReport report = load("market-regulation", REGISTRY);
        assertThat(report.rowsStored()).isEqualTo(2);
        assertThat(report.issues())
                .extracting(RowIssue::row, RowIssue::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, "problem.credit-code-check-character"),
                        org.assertj.core.groups.Tuple.tuple(4, "validation.required"),
                        org.assertj.core.groups.Tuple.tuple(5, "problem.industry-code"),
                        org.assertj.core.groups.Tuple.tuple(6, "problem.organisation-status"));
        f.clock.advance(java.time.Duration.ofDays(1));
        load("tax", TAX);

        List<OrganisationView> found =
                f.organisations.search(STEWARD, "91350100m000100y43", null, PageRequest.of(0, 10), Set.of());
        assertThat(found).singleElement().satisfies(o -> {
            assertThat(o.sources()).isEqualTo(2);
            assertThat(o.name()).as("the registrar wins the name").isEqualTo("大兴示例科技有限公司");
            assertThat(o.status()).as("and the status").isEqualTo("ACTIVE");
            assertThat(o.address().text()).as("the newest address").isEqualTo("北京市大兴区西镇西路99号");
            assertThat(o.industry()).isEqualTo("I6510");
            assertThat(o.legalRepresentative()).isEqualTo("张*");
            assertThat(o.synthetic()).isTrue();
        });
        assertThat(f.organisations.search(STEWARD, null, "无代码的个体户", PageRequest.of(0, 10), Set.of()))
                .hasSize(1);
    }

    @Test
    void theLegalRepresentativeIsUnmaskedOnlyWithPermissionAndAudited() {
        load("market-regulation", REGISTRY);
        long id = f.organisations
                .search(STEWARD, "91350100M000100Y43", null, PageRequest.of(0, 10), Set.of())
                .get(0)
                .id();
        assertThatThrownBy(() -> f.organisations.get(STEWARD, id, EnumSet.of(FieldGroup.IDENTITY)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.organisations
                        .get(ADMIN, id, EnumSet.of(FieldGroup.IDENTITY))
                        .legalRepresentative())
                .isEqualTo("张伟");
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'basedata.organisation.unmask'"
                                + " AND actor_id = 'admin' AND target_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }
}
