package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cityos.casework.CategoryProblems.CategoryExists;
import org.cityos.casework.CategoryProblems.UnknownCategory;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.InvalidInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The category facade over a real database: the seed, leaf rules, versions, switching off, files, suggestions. */
class CategoriesIT {
    static final CategoryKind EVENT = CategoryKind.EVENT;
    CategoryFixture f;
    Categories categories;

    @BeforeEach
    void start() throws Exception {
        f = new CategoryFixture().seeded();
        categories = f.categories;
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSeedLoadsEveryKindAndTheMonitoringLeavesOnceOnly() throws Exception {
        long seeded = f.count("SELECT count(*) FROM casework_category");
        assertThat(seeded).isGreaterThan(120);
        for (CategoryKind kind : CategoryKind.values()) {
            assertThat(categories.list(CategoryFixture.OPERATOR, kind, "", false))
                    .as("top levels of %s", kind)
                    .hasSizeGreaterThanOrEqualTo(6);
        }
        for (String code : List.of("E0405", "E0701", "E0702", "E0703", "E0704", "E0705", "E0706", "E0707", "E0708")) {
            assertThat(categories.usable(code)).as(code).isTrue();
        }
        assertThat(categories.pathNames("E0405")).containsExactly("突发事件", "城市积水");
        f.seed.run(null);
        assertThat(f.count("SELECT count(*) FROM casework_category")).isEqualTo(seeded);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'casework.category.seed'"))
                .isEqualTo(1);
    }

    @Test
    void casesTakeActiveLeavesOnly() {
        assertThat(categories.usable("0101")).isTrue();
        assertThat(categories.usable("01")).as("a branch").isFalse();
        assertThat(categories.usable("0199")).as("unknown").isFalse();
        assertThat(categories.usable(null)).isFalse();
        Category leaf = categories.get(CategoryFixture.GRID_WORKER, "0101");
        assertThat(leaf.path()).containsExactly("01", "0101");
        assertThat(leaf.level()).isEqualTo(2);
        assertThat(leaf.kind()).isEqualTo(CategoryKind.COMPONENT);
        categories.create(
                CategoryFixture.OPERATOR,
                new CategoryDraft("010101", "0101", CategoryKind.COMPONENT, "上水井盖丢失", "Missing cover"));
        assertThat(categories.usable("0101")).as("no longer a leaf").isFalse();
        assertThat(categories.usable("010101")).isTrue();
        List<Category> tree = categories.tree(CategoryFixture.GRID_WORKER);
        assertThat(tree.indexOf(categories.get(CategoryFixture.OPERATOR, "01")))
                .isLessThan(tree.indexOf(categories.get(CategoryFixture.OPERATOR, "010101")));
        assertThatThrownBy(() -> categories.tree(CategoryFixture.AUDITOR)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void createRefusesBadDraftsWithEveryFieldAndDuplicates() {
        assertThatThrownBy(() -> categories.create(
                        CategoryFixture.OPERATOR, new CategoryDraft("X9", "E04", CategoryKind.HOTLINE, " ", null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(i -> i.field() + ":" + i.messageKey())
                                .containsExactlyInAnyOrder(
                                        "code:category.code.prefix",
                                        "kind:category.kind.parent-differs",
                                        "name:category.name.required"));
        assertThatThrownBy(() -> categories.create(
                        CategoryFixture.OPERATOR, new CategoryDraft("E0405", "E04", EVENT, "积水", null)))
                .isInstanceOf(CategoryExists.class);
        assertThatThrownBy(() -> categories.create(
                        CategoryFixture.GRID_WORKER, new CategoryDraft("E0499", "E04", EVENT, "其他突发", null)))
                .isInstanceOf(AccessDenied.class);
        assertThat(f.count("SELECT count(*) FROM casework_category WHERE code IN ('X9', 'E0499')"))
                .isZero();
    }

    @Test
    void aRenameNeedsTheCurrentVersionAndIsAudited() {
        Category before = categories.get(CategoryFixture.OPERATOR, "E0401");
        CategoryDraft rename = new CategoryDraft(null, null, null, "路面塌陷", "Road subsidence");
        Category after = categories.change(CategoryFixture.OPERATOR, "E0401", before.version(), rename);
        assertThat(after.name()).isEqualTo("路面塌陷");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThatThrownBy(() -> categories.change(CategoryFixture.OPERATOR, "E0401", before.version(), rename))
                .isInstanceOf(ConcurrentChange.class);
        assertThatThrownBy(() -> categories.change(
                        CategoryFixture.OPERATOR,
                        "E0401",
                        after.version(),
                        new CategoryDraft(null, "E05", null, "塌陷", null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(i -> i.field())
                                .containsExactly("parentCode"));
        assertThatThrownBy(() -> categories.change(CategoryFixture.OPERATOR, "E0499", 0, rename))
                .isInstanceOf(UnknownCategory.class);
        assertThat(f.count("SELECT count(*) FROM audit_record WHERE action = 'casework.category.changed'"
                        + " AND target_id = 'E0401'"))
                .isEqualTo(1);
    }

    @Test
    void switchingOffABranchTakesItsLeavesOutOfUseButKeepsThem() {
        int version = categories.get(CategoryFixture.OPERATOR, "E04").version();
        assertThatThrownBy(() -> categories.deactivate(CategoryFixture.OPERATOR, "E04", version + 1))
                .isInstanceOf(ConcurrentChange.class);
        Category off = categories.deactivate(CategoryFixture.OPERATOR, "E04", version);
        assertThat(off.active()).isFalse();
        assertThat(categories.usable("E0405")).isFalse();
        assertThat(categories.find("E0405")).get().extracting(Category::active).isEqualTo(false);
        assertThat(categories.tree(CategoryFixture.OPERATOR))
                .extracting(Category::code)
                .doesNotContain("E04", "E0405");
        assertThat(categories.list(CategoryFixture.OPERATOR, EVENT, "E04", true))
                .hasSizeGreaterThan(3);
        assertThatThrownBy(() -> categories.create(
                        CategoryFixture.OPERATOR, new CategoryDraft("E0499", "E04", EVENT, "其他突发", null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.fieldIssues())
                                .extracting(i -> i.messageKey())
                                .containsExactly("category.parent.inactive"));
    }

    @Test
    void anImportWithAnyRowErrorWritesNothing() {
        long before = f.count("SELECT count(*) FROM casework_category");
        CategoryImportReport report = categories.importTree(CategoryFixture.OPERATOR, csv("""
                code,parent,kind,name,name_en
                E08,,EVENT,城市管理,City management
                E0801,E08,EVENT,共享单车乱停,Dockless bikes
                E0802,E09,EVENT,孤儿,Orphan
                """), "more.csv", false);
        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("parent");
            assertThat(e.messageKey()).isEqualTo("category.parent.unknown");
        });
        assertThat(report.created()).isEqualTo(3);
        assertThat(f.count("SELECT count(*) FROM casework_category")).isEqualTo(before);
    }

    @Test
    void aMergingImportAddsAndRenamesAndAReplacingOneSwitchesOffTheRest() {
        CategoryImportReport merged = categories.importTree(CategoryFixture.OPERATOR, csv("""
                code,parent,kind,name,name_en
                E0801,E08,EVENT,共享单车乱停,Dockless bikes
                E08,,EVENT,城市管理,City management
                E0405,E04,EVENT,道路积水,Waterlogged road
                """), "more.csv", false);
        assertThat(merged.applied()).isTrue();
        assertThat(merged.created()).isEqualTo(2);
        assertThat(merged.updated()).isEqualTo(1);
        assertThat(categories.usable("E0801")).isTrue();
        assertThat(categories.get(CategoryFixture.OPERATOR, "E0405").name()).isEqualTo("道路积水");

        CategoryImportReport dry = categories.importTree(CategoryFixture.OPERATOR, csv("""
                code,parent,kind,name
                E08,,EVENT,城市管理
                E0801,E08,EVENT,共享单车乱停
                """), "only.csv", true, true);
        assertThat(dry.applied()).isFalse();
        assertThat(dry.deactivated()).isGreaterThan(100);
        assertThat(categories.usable("0101")).as("a dry run writes nothing").isTrue();

        CategoryImportReport replaced = categories.importTree(CategoryFixture.OPERATOR, csv("""
                code,parent,kind,name
                E08,,EVENT,城市管理
                E0801,E08,EVENT,共享单车乱停
                """), "only.csv", true);
        assertThat(replaced.applied()).isTrue();
        assertThat(replaced.deactivated()).isEqualTo(dry.deactivated());
        assertThat(categories.usable("0101")).isFalse();
        assertThat(categories.tree(CategoryFixture.OPERATOR))
                .extracting(Category::code)
                .containsExactly("E08", "E0801");
        assertThat(f.count("SELECT count(*) FROM casework_category WHERE code = '0101'"))
                .isEqualTo(1);
    }

    @Test
    void theExportReadsBackUnchanged() {
        categories.deactivate(CategoryFixture.OPERATOR, "H12", null);
        String exported = categories.export(CategoryFixture.OPERATOR);
        assertThat(exported).startsWith("\uFEFFcode,parent,kind,name,name_en,active\n");
        assertThat(exported).contains("H1201,H12,HOTLINE,施工噪声,Construction noise,false");
        CategoryImportReport again = categories.importTree(CategoryFixture.OPERATOR, csv(exported), "x.csv", true);
        assertThat(again.errors()).isEmpty();
        assertThat(again.created() + again.updated() + again.deactivated()).isZero();
        assertThat(again.unchanged()).isEqualTo(f.count("SELECT count(*) FROM casework_category"));
    }

    @Test
    void suggestionsLearnFromPastCasesAndOnlyOfferUsableLeaves() {
        assertThat(categories.suggest(CategoryFixture.GRID_WORKER, "井盖丢了", 3))
                .as("names alone, before any case")
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.basedOn()).isZero());
        for (int i = 0; i < 30; i++) {
            f.pastCase("E0102", "垃圾", "兴华大街路边垃圾堆了一星期没人清运，臭气熏天", i + 1);
            f.pastCase("E0405", "积水", "清源路下穿桥雨后积水很深，车辆熄火", i + 1);
        }
        f.pastCase("E04", "branch", "分支不是叶子，不能学习", 1);
        categories.retrain();
        List<CategorySuggestion> smell = categories.suggest(CategoryFixture.GRID_WORKER, "小区门口垃圾没人清运，很臭", 3);
        assertThat(smell.get(0).code()).isEqualTo("E0102");
        assertThat(smell.get(0).basedOn()).isEqualTo(30);
        assertThat(smell.get(0).path()).containsExactly("市容环境", "暴露垃圾");
        assertThat(smell.get(0).score()).isBetween(0.0, 1.0);
        assertThat(smell).extracting(CategorySuggestion::code).doesNotContain("E04", "E01");

        categories.deactivate(CategoryFixture.OPERATOR, "E0102", null);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(categories.suggest(CategoryFixture.GRID_WORKER, "小区门口垃圾没人清运，很臭", 3))
                .as("a leaf switched off after training is not offered")
                .extracting(CategorySuggestion::code)
                .doesNotContain("E0102");
        assertThatThrownBy(() -> categories.suggest(CategoryFixture.GRID_WORKER, "  ", 3))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> categories.suggest(CategoryFixture.AUDITOR, "积水", 3))
                .isInstanceOf(AccessDenied.class);
    }
}
