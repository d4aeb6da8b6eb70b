package org.cityos.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cityos.basedata.PeopleFixture.*;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.kernel.problem.NotFound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleIT {
    static final String REGISTER = """
            身份证号,姓名,性别,出生日期,户籍地址,居住地址,联系电话
            110115199003071231,张伟,男,1990-03-07,北京市大兴区西镇西路88号,北京市大兴区西镇西路88号,
            110115198511124569,李娜,女,1985-11-12,北京市大兴区东镇东路5号,,
            110115199003071232,坏校验,男,1990-03-07,北京市大兴区西镇西路88号,,
            ,,男,1990-03-07,北京市大兴区西镇西路88号,,
            110115199003071231,张伟,女,,北京市大兴区西镇西路88号,,
            11011519850230123X,坏日期,男,,,,
            """;
    static final String COMMUNITY = """
            姓名,性别,出生日期,户籍所在地,联系电话
            张炜,男,1990/3/7,西镇西路八十八号,13812345678
            王五,男,19700101,北京市大兴区西镇西路88号,not-a-phone
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

    @Test
    void badRowsAreSkippedWholeAndListedGoodRowsStoredAndMatched() {
        ImportReport report = f.load(STEWARD, PUBLIC_SECURITY, REGISTER, StandardCharsets.UTF_8);
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.rowsStored()).isEqualTo(2);
        assertThat(report.rowsRejected()).isEqualTo(4);
        assertThat(report.issues())
                .extracting(RowIssue::row, RowIssue::field, RowIssue::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(4, "idNumber", "problem.id-number-check-digit"),
                        org.assertj.core.groups.Tuple.tuple(5, "name", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple(6, "gender", "problem.id-number-gender-mismatch"),
                        org.assertj.core.groups.Tuple.tuple(7, "idNumber", "problem.id-number-birth-date"));
        assertThat(f.count("SELECT count(*) FROM basedata_person_source WHERE batch_id = ?", report.batchId()))
                .as("no part of a bad row is stored")
                .isEqualTo(2);
        assertThat(f.people.report(STEWARD, report.batchId())).isEqualTo(report);
        assertThat(f.meters
                        .counter("cityos.basedata.import.rows", "kind", "person", "outcome", "rejected")
                        .count())
                .isEqualTo(4);

        ImportReport community = f.load(STEWARD, CIVIL_AFFAIRS, COMMUNITY, Charset.forName("GBK"));
        assertThat(community.charset()).isEqualTo("GBK");
        assertThat(community.rowsStored()).isEqualTo(1);
        assertThat(community.issues()).extracting(RowIssue::field).containsExactly("phone");

        List<PersonView> zhang = f.people.search(
                STEWARD, "110115199003071231", null, PageRequest.of(0, 10), EnumSet.noneOf(FieldGroup.class));
        assertThat(zhang).hasSize(1);
        PersonView golden = zhang.get(0);
        assertThat(golden.sources())
                .as("the homophone record without ID number joined")
                .isEqualTo(2);
        assertThat(golden.synthetic()).isTrue();
        List<MatchDecision> matches = f.people.matches(STEWARD, golden.id());
        assertThat(matches).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("fuzzy");
            assertThat(d.explanation()).contains("homophone", "same-standard-address");
        });
    }

    @Test
    void lineageNamesTheSourceOfEveryField() {
        f.load(STEWARD, PUBLIC_SECURITY, REGISTER, StandardCharsets.UTF_8);
        f.clock.advance(Duration.ofDays(1));
        f.load(STEWARD, CIVIL_AFFAIRS, COMMUNITY, StandardCharsets.UTF_8);
        PersonView zhang = f.people
                .search(STEWARD, null, "张伟", PageRequest.of(0, 10), Set.of())
                .get(0);
        List<FieldLineage> lineage = f.people.lineage(STEWARD, zhang.id(), Set.of());
        assertThat(lineage)
                .filteredOn(l -> l.field().equals("name"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.department()).isEqualTo("public-security");
                    assertThat(l.fileName()).isEqualTo("public-security.csv");
                    assertThat(l.row()).isEqualTo(2);
                    assertThat(l.value()).isEqualTo("张*");
                    assertThat(l.receivedAt()).isEqualTo(java.time.Instant.parse("2026-11-26T08:00:00Z"));
                });
        assertThat(lineage)
                .filteredOn(l -> l.field().equals("phone"))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.department()).isEqualTo("civil-affairs");
                    assertThat(l.value()).isEqualTo("138****5678");
                });
    }

    @Test
    void maskedByDefaultUnmaskedOnlyWithPermissionOrGrantAndEveryUnmaskedReadAudited() {
        f.load(STEWARD, PUBLIC_SECURITY, REGISTER, StandardCharsets.UTF_8);
        PersonView masked = f.people
                .search(STEWARD, null, "李娜", PageRequest.of(0, 10), Set.of())
                .get(0);
        assertThat(masked.idNumber()).isEqualTo("110115********4569");
        assertThat(masked.name()).isEqualTo("李*");
        assertThat(masked.birthDate()).isEqualTo("1985-**-**");
        assertThat(masked.householdAddress().text()).isEqualTo("北京市大兴区东镇****");
        assertThat(masked.householdAddress().addressId()).isNull();

        assertThatThrownBy(() -> f.people.get(STEWARD, masked.id(), EnumSet.of(FieldGroup.IDENTITY)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'basedata.person.unmask'"))
                .isZero();

        PersonView full = f.people.get(ADMIN, masked.id(), EnumSet.allOf(FieldGroup.class));
        assertThat(full.idNumber()).isEqualTo("110115198511124569");
        assertThat(full.name()).isEqualTo("李娜");
        assertThat(f.count(
                        "SELECT count(*) FROM audit_record WHERE action = 'basedata.person.unmask' AND actor_id = 'admin'"
                                + " AND target_id = ? AND details->'fields' @> '[\"idNumber\", \"phone\"]'",
                        String.valueOf(masked.id())))
                .isEqualTo(1);

        assertThatThrownBy(() -> f.people.grant(STEWARD, "steward", FieldGroup.ADDRESS, f.clock.instant()))
                .as("only a PII_UNMASK holder grants")
                .isInstanceOf(AccessDenied.class);
        f.people.grant(ADMIN, "steward", FieldGroup.ADDRESS, f.clock.instant().plus(Duration.ofHours(1)));
        PersonView addresses = f.people.get(STEWARD, masked.id(), EnumSet.of(FieldGroup.ADDRESS));
        assertThat(addresses.householdAddress().text()).isEqualTo("北京市大兴区东镇东路5号");
        assertThat(addresses.name()).as("the identity group stays masked").isEqualTo("李*");
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'basedata.person.unmask'"
                        + " AND actor_id = 'steward' AND NOT details->'fields' @> '[\"name\"]'"))
                .isEqualTo(1);

        f.clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> f.people.get(STEWARD, masked.id(), EnumSet.of(FieldGroup.ADDRESS)))
                .as("an expired grant opens nothing")
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void scopeLimitsWhatAReaderSeesAndWhoImports() {
        f.load(STEWARD, PUBLIC_SECURITY, REGISTER, StandardCharsets.UTF_8);
        List<PersonView> all = f.people.search(STEWARD, null, "李娜", PageRequest.of(0, 10), Set.of());
        assertThat(all).hasSize(1);
        long eastPerson = all.get(0).id();
        assertThat(f.people.search(WEST_STEWARD, null, "李娜", PageRequest.of(0, 10), Set.of()))
                .as("the east town's people are outside the west steward's scope")
                .isEmpty();
        assertThatThrownBy(() -> f.people.get(WEST_STEWARD, eastPerson, Set.of()))
                .isInstanceOf(NotFound.class);
        assertThat(f.people.search(WEST_STEWARD, null, "张伟", PageRequest.of(0, 10), Set.of()))
                .hasSize(1);

        assertThatThrownBy(() -> f.load(WEST_STEWARD, PUBLIC_SECURITY, REGISTER, StandardCharsets.UTF_8))
                .as("importing for a department outside one's scope")
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> f.people.search(OPERATOR, null, "张伟", PageRequest.of(0, 10), Set.of()))
                .as("no BASEDATA_READ")
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void syntheticSeedingLoadsLabelledPeopleWithTheirPlantedDuplicatesMatched() {
        SyntheticSeeding seeding = new SyntheticSeeding(f.people, n -> SyntheticPeopleTest.ADDRESSES);
        List<ImportReport> reports = seeding.seed(STEWARD, 7, 1_000);
        assertThat(reports)
                .extracting(ImportReport::department)
                .containsExactly("public-security", "civil-affairs", "human-resources");
        assertThat(reports).allMatch(ImportReport::synthetic).allMatch(r -> r.rowsRejected() == 0);
        // 1,000 people at two doors: a few keyless duplicates fit two namesakes there and stay apart (ambiguous)
        assertThat(f.count("SELECT count(*) FROM basedata_person")).isBetween(1_000L, 1_010L);
        assertThat(f.count("SELECT count(*) FROM basedata_person WHERE sources = 2"))
                .isGreaterThan(30);
        assertThat(f.count("SELECT count(*) FROM basedata_person WHERE NOT synthetic"))
                .isZero();
        assertThatThrownBy(() -> seeding.seed(OPERATOR, 7, 10)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndNothingIsStored() {
        byte[] gbk = COMMUNITY.getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> f.people.importFile(
                        STEWARD,
                        new java.io.ByteArrayInputStream(gbk),
                        new People.ImportFile("civil-affairs", "c.csv", "UTF-8", java.util.Map.of(), true),
                        true))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).messageKey())
                                .isEqualTo("problem.file-charset"));
        assertThatThrownBy(() -> f.load(STEWARD, CIVIL_AFFAIRS, "身份证号,性别\n1,男\n", StandardCharsets.UTF_8))
                .isInstanceOf(InvalidInput.class)
                .satisfies(
                        e -> assertThat(((InvalidInput) e).fieldIssues().get(0).messageKey())
                                .isEqualTo("problem.missing-column"));
        assertThatThrownBy(() -> f.load(STEWARD, CIVIL_AFFAIRS, "姓名,性别\n\"张三,男\n", StandardCharsets.UTF_8))
                .isInstanceOf(InvalidInput.class);
        assertThat(f.count("SELECT count(*) FROM basedata_person_source")).isZero();
        assertThat(f.count("SELECT count(*) FROM basedata_batch"))
                .as("the refused batch is rolled back")
                .isZero();
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'basedata.import.refused'"))
                .isEqualTo(3);
    }
}
