package org.cityos.basedata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cityos.basedata.AddressLink;
import org.cityos.basedata.MatchDecision;
import org.cityos.basedata.Person;
import org.cityos.basedata.SourcePerson;
import org.junit.jupiter.api.Test;

/** Matching and survivorship on a small known data set: every expected cluster asserted, and why. */
class PersonMatcherTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");
    static final AddressLink L1 = new AddressLink("北京市大兴区西镇西路88号", "北京市大兴区西镇西路88号", 1L, 0.97, "110115001001");
    static final AddressLink L1_WRITTEN_ELSE = new AddressLink("西镇西路八十八号", "北京市大兴区西镇西路88号", 1L, 0.91, "110115001001");
    static final AddressLink L2 = new AddressLink("北京市大兴区东镇东路5号", "北京市大兴区东镇东路5号", 2L, 0.95, "110115002001");
    static final AddressLink L2_UNLINKED = AddressLink.unlinked("大兴区东镇东路5号", "大兴区东镇东路5号");
    static final AddressLink L3 = new AddressLink("北京市大兴区南镇南街9号", "北京市大兴区南镇南街9号", 3L, 0.99, "110115003001");
    static final AddressLink L4 = new AddressLink("北京市大兴区北镇北街1号", "北京市大兴区北镇北街1号", 4L, 0.99, "110115004001");
    static final LocalDate ZHANG_BORN = LocalDate.of(1990, 3, 7);

    static SourcePerson p(
            long id,
            String department,
            Instant at,
            String idNumber,
            String written,
            String name,
            String gender,
            LocalDate birth,
            AddressLink household,
            AddressLink residence,
            String phone) {
        return new SourcePerson(
                id, id, 2, department, at, idNumber, written, name, gender, birth, household, residence, phone, true);
    }

    static List<SourcePerson> dataSet() {
        return List.of(
                p(1, "public-security", T0, "110115199003071231", null, "张伟", "M", ZHANG_BORN, L1, L1, null),
                // a homophone character (炜 for 伟), no ID number, the same door written otherwise
                p(2, "civil-affairs", T0, null, null, "张炜", "M", ZHANG_BORN, L1_WRITTEN_ELSE, null, "13812345678"),
                // 张伟 at the same door, no birth date: fits both 张伟 (1 and 10) — ambiguous, kept alone
                p(3, "health", T0, null, null, "张伟", "M", null, L1, null, null),
                // the old 15-digit number of person 1, and a newer residence
                p(
                        4,
                        "human-resources",
                        T1,
                        "110115199003071231",
                        "110115900307123",
                        "张伟",
                        "M",
                        ZHANG_BORN,
                        L1,
                        L3,
                        null),
                p(
                        5,
                        "public-security",
                        T0,
                        "110115198511124569",
                        null,
                        "李娜",
                        "F",
                        LocalDate.of(1985, 11, 12),
                        L2,
                        null,
                        null),
                // the same 李娜, no ID number, her address unlinked and written a little differently
                p(6, "civil-affairs", T0, null, null, "李娜", "F", LocalDate.of(1985, 11, 12), L2_UNLINKED, null, null),
                // another 李娜 at the same door, born on another day
                p(
                        7,
                        "public-security",
                        T0,
                        "440304198601010010",
                        null,
                        "李娜",
                        "F",
                        LocalDate.of(1986, 1, 1),
                        L2,
                        null,
                        null),
                // sounds like 张伟, same birth date, but lives elsewhere: not enough
                p(8, "civil-affairs", T0, null, null, "张卫", "M", ZHANG_BORN, L4, null, null),
                // person 1's ID number under another name: a conflict, not merged
                p(9, "health", T0, "110115199003071231", null, "王芳", "F", null, null, null, null),
                // the father, also 张伟, at the same door
                p(
                        10,
                        "public-security",
                        T0,
                        "110115197505051238",
                        null,
                        "张伟",
                        "M",
                        LocalDate.of(1975, 5, 5),
                        L1,
                        L1,
                        null));
    }

    @Test
    void findsTheExpectedClusters() {
        List<SourcePerson> records = dataSet();
        PersonMatcher.Resolution r = PersonMatcher.resolve(records);
        assertThat(clusters(records, r.roots()))
                .containsExactlyInAnyOrder(
                        Set.of(1L, 2L, 4L),
                        Set.of(3L),
                        Set.of(5L, 6L),
                        Set.of(7L),
                        Set.of(8L),
                        Set.of(9L),
                        Set.of(10L));
    }

    @Test
    void everyDecisionSaysWhichRuleMatchedAndItsScore() {
        PersonMatcher.Resolution r = PersonMatcher.resolve(dataSet());
        Map<String, MatchDecision> byPair = new HashMap<>();
        r.decisions().forEach(d -> byPair.put(d.sourceId() + "-" + d.otherSourceId(), d));
        assertThat(byPair.get("1-4").rule()).isEqualTo("exact-id");
        assertThat(byPair.get("1-4").explanation()).contains("converted 15-digit");
        assertThat(byPair.get("1-9").rule()).isEqualTo("id-conflict");
        assertThat(byPair.get("1-9").merged()).isFalse();
        MatchDecision homophone = byPair.get("1-2");
        assertThat(homophone.rule()).isEqualTo("fuzzy");
        assertThat(homophone.explanation()).contains("name=homophone(zhang wei)", "address=same-standard-address");
        assertThat(homophone.score()).isGreaterThanOrEqualTo(PairScore.THRESHOLD);
        assertThat(byPair.get("5-6").explanation()).contains("birth=same", "address=text-similarity");
        assertThat(byPair.get("1-3").rule()).isEqualTo("ambiguous");
        assertThat(byPair.get("3-10").rule()).isEqualTo("ambiguous");
        assertThat(byPair.get("2-3").merged()).isFalse();
        assertThat(byPair).doesNotContainKeys("1-8", "6-7", "5-7");
    }

    @Test
    void missingBirthDateIsNeutralAndADifferentOneRulesOut() {
        SourcePerson a = p(1, "x", T0, null, null, "王芳", "F", LocalDate.of(1980, 1, 1), L2, null, null);
        SourcePerson noBirth = p(2, "x", T0, null, null, "王芳", "F", null, L2, null, null);
        SourcePerson otherBirth = p(3, "x", T0, null, null, "王芳", "F", LocalDate.of(1981, 1, 1), L2, null, null);
        assertThat(PairScore.of(a, noBirth).score()).isEqualTo(1.0);
        assertThat(PairScore.of(a, otherBirth).score()).isZero();
        SourcePerson nameOnly = p(4, "x", T0, null, null, "王芳", "F", null, null, null, null);
        assertThat(PairScore.of(a, nameOnly).score())
                .as("a name alone is no match")
                .isZero();
    }

    @Test
    void survivorshipTakesIdentityFromPublicSecurityAndResidenceFromTheNewestWithLineage() {
        List<SourcePerson> all = dataSet();
        List<SourcePerson> cluster = List.of(all.get(0), all.get(1), all.get(3));
        Person golden = Survivorship.golden(cluster, T1);
        assertThat(golden.id()).isEqualTo(1);
        assertThat(golden.name()).isEqualTo("张伟");
        assertThat(golden.idNumber()).isEqualTo("110115199003071231");
        assertThat(golden.residence()).isEqualTo(L3);
        assertThat(golden.household()).isEqualTo(L1);
        assertThat(golden.phone()).isEqualTo("13812345678");
        assertThat(golden.sources()).isEqualTo(3);
        assertThat(golden.synthetic()).isTrue();
        assertThat(golden.lineage())
                .containsEntry("name", 1L)
                .containsEntry("idNumber", 1L)
                .containsEntry("residenceAddress", 4L)
                .containsEntry("phone", 2L)
                .containsEntry("householdAddress", 1L);
    }

    static Set<Set<Long>> clusters(List<SourcePerson> records, int[] roots) {
        Map<Integer, Set<Long>> byRoot = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byRoot.computeIfAbsent(roots[i], k -> new TreeSet<>())
                    .add(records.get(i).id());
        }
        return new java.util.HashSet<>(new ArrayList<>(byRoot.values()));
    }
}
