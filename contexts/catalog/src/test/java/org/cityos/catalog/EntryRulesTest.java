package org.cityos.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.kernel.problem.FieldIssue;
import org.junit.jupiter.api.Test;

class EntryRulesTest {
    final EntryRules rules = new EntryRules(Set.of("ecology")::contains);

    static EntryDraft draft() {
        return CatalogFixture.draft("1-01-001-0001", "人口基础信息");
    }

    static EntryDraft with(String sharingType, String condition) {
        EntryDraft d = draft();
        return new EntryDraft(
                d.code(),
                d.name(),
                d.providerDepartment(),
                d.summary(),
                d.format(),
                sharingType,
                condition,
                d.openType(),
                d.updateCycle(),
                d.releaseDate(),
                d.contactName(),
                d.contactPhone(),
                d.items());
    }

    List<String> fields(EntryDraft d) {
        List<FieldIssue> issues = new ArrayList<>();
        rules.check(d, "rows[7].", issues);
        return issues.stream().map(FieldIssue::field).toList();
    }

    @Test
    void aCompleteDraftBecomesContentWithLabelsReadAsValues() {
        List<FieldIssue> issues = new ArrayList<>();
        EntryContent c = rules.check(draft(), "", issues);
        assertThat(issues).isEmpty();
        assertThat(c.code().resourceClass()).isEqualTo(1);
        assertThat(c.format()).isEqualTo(ResourceFormat.DATABASE);
        assertThat(c.sharingType()).isEqualTo(SharingType.CONDITIONAL);
        assertThat(c.openType()).isEqualTo(OpenType.CLOSED);
        assertThat(c.updateCycle()).isEqualTo(UpdateCycle.REAL_TIME);
        assertThat(c.items()).extracting(DataItem::personal).containsExactly(false, true);
        assertThat(c.status()).isEqualTo(EntryStatus.ACTIVE);
    }

    @Test
    void sharingConditionsAreRequiredWhenConditionalAReasonWhenNotSharedAndDroppedWhenUnconditional() {
        assertThat(fields(with("有条件共享", " "))).containsExactly("rows[7].sharingCondition");
        assertThat(fields(with("NOT_SHARED", null))).containsExactly("rows[7].sharingCondition");
        List<FieldIssue> issues = new ArrayList<>();
        assertThat(rules.check(with("无条件共享", "ignored"), "", issues).sharingCondition())
                .isNull();
        assertThat(fields(with("sometimes", "x"))).containsExactly("rows[7].sharingType");
    }

    @Test
    void everyMissingFieldIsNamed() {
        EntryDraft empty = new EntryDraft(null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty))
                .containsExactlyInAnyOrder(
                        "rows[7].code",
                        "rows[7].name",
                        "rows[7].summary",
                        "rows[7].providerDepartment",
                        "rows[7].format",
                        "rows[7].sharingType",
                        "rows[7].openType",
                        "rows[7].updateCycle",
                        "rows[7].releaseDate",
                        "rows[7].contactName",
                        "rows[7].contactPhone",
                        "rows[7].items");
    }

    @Test
    void itemsNeedFieldNamesUniqueTypesAndChineseNames() {
        EntryDraft d = draft();
        EntryDraft bad = new EntryDraft(
                d.code(),
                d.name(),
                d.providerDepartment(),
                d.summary(),
                d.format(),
                d.sharingType(),
                d.sharingCondition(),
                d.openType(),
                d.updateCycle(),
                d.releaseDate(),
                d.contactName(),
                d.contactPhone(),
                List.of(
                        new ItemDraft("id_no", "身份证号", "STRING", true),
                        new ItemDraft("ID_NO", "重复", "STRING", true),
                        new ItemDraft("x-y", "坏名", "STRING", false),
                        new ItemDraft("ok", " ", "VARCHAR", false)));
        assertThat(fields(bad))
                .containsExactly(
                        "rows[7].items[1].name",
                        "rows[7].items[2].name",
                        "rows[7].items[3].chineseName",
                        "rows[7].items[3].type");
    }

    @Test
    void codesFollowClassItemEntrySerial() {
        assertThat(ResourceCode.isValid("1-01-001-0001")).isTrue();
        assertThat(ResourceCode.isValid("3-99-999-9999")).isTrue();
        assertThat(ResourceCode.isValid("4-01-001-0001")).isFalse(); // no class 4
        assertThat(ResourceCode.isValid("1-00-001-0001")).isFalse();
        assertThat(ResourceCode.isValid("1-01-000-0001")).isFalse();
        assertThat(ResourceCode.isValid("1-01-001-0000")).isFalse();
        assertThat(ResourceCode.isValid("1-1-001-0001")).isFalse();
        assertThat(ResourceCode.isValid("1-01-001-0001 ")).isFalse();
        assertThat(ResourceCode.isValid("１-01-001-0001")).isFalse(); // full-width digit
        assertThat(new ResourceCode("2-05-010-0003").resourceClass()).isEqualTo(2);
    }

    @Test
    void unknownDepartmentsBadDatesAndPhonesAreNamed() {
        EntryDraft d = draft();
        EntryDraft bad = new EntryDraft(
                d.code(),
                d.name(),
                "transport",
                d.summary(),
                d.format(),
                d.sharingType(),
                d.sharingCondition(),
                d.openType(),
                d.updateCycle(),
                "2026/01/15",
                d.contactName(),
                "138-xxxx",
                d.items());
        assertThat(fields(bad))
                .containsExactly("rows[7].providerDepartment", "rows[7].releaseDate", "rows[7].contactPhone");
    }

    @Test
    void contactsMaskToTheSurnameAndTheEndsOfThePhone() {
        assertThat(new Contact("欧阳修文", "13812345678", false).hidden())
                .isEqualTo(new Contact("欧***", "138****5678", true));
        assertThat(new Contact("王", "010-69241234", false).hidden().phone()).isEqualTo("010*****1234");
        assertThat(new Contact("Li", "12345", false).hidden()).isEqualTo(new Contact("L*", "*****", true));
    }
}
