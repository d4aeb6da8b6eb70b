package org.cityos.casework.internal.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cityos.casework.CategoryImportReport.RowError;
import org.cityos.casework.CategoryProblems.UnreadableCategoryFile;
import org.cityos.casework.internal.categories.CategoryImport.Plan;
import org.cityos.casework.persistence.CategoryRepository.CategoryRow;
import org.junit.jupiter.api.Test;

/** An import's plan: every error by row and column, parents in any order, merge against replace. */
class CategoryImportTest {
    static final CategoryTree STORED = CategoryTree.of(List.of(
            new CategoryRow("E04", null, "EVENT", "突发事件", "Emergencies", true, 0),
            new CategoryRow("E0401", "E04", "EVENT", "道路塌陷", "Road collapse", true, 0),
            new CategoryRow("E0405", "E04", "EVENT", "城市积水", "Urban waterlogging", true, 2),
            new CategoryRow("H05", null, "HOTLINE", "供暖", "Heating", true, 0),
            new CategoryRow("H0501", "H05", "HOTLINE", "供暖不热", null, true, 0)));

    static Plan plan(String csv, boolean replace) throws IOException {
        CategoryFile.Content content =
                CategoryFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "categories.csv");
        return CategoryImport.plan(content, STORED, replace, false);
    }

    static List<String> errors(Plan plan) {
        return plan.report().errors().stream()
                .map(e -> e.row() + ":" + e.column() + ":" + e.messageKey())
                .toList();
    }

    @Test
    void aChildMayComeBeforeItsParentAndParentsAreWrittenFirst() throws IOException {
        Plan plan = plan("""
                code,parent,kind,name,name_en
                E0501,E05,EVENT,无照经营游商,Street vendor
                E05,,EVENT,街面秩序,Street order
                E0405,E04,EVENT,城市积水,Urban waterlogging
                E0401,E04,EVENT,路面塌陷,Road collapse
                """, false);
        assertThat(plan.report().errors()).isEmpty();
        assertThat(plan.report().created()).isEqualTo(2);
        assertThat(plan.report().updated()).isEqualTo(1);
        assertThat(plan.report().unchanged()).isEqualTo(1);
        assertThat(plan.creates()).extracting(CategoryRow::code).containsExactly("E05", "E0501");
        assertThat(plan.offs()).isEmpty();
    }

    @Test
    void everyFaultIsReportedWithItsRowAndColumnAndNothingIsPlanned() throws IOException {
        Plan plan = plan("""
                code,parent,kind,name,name_en,active
                E0601,E06,EVENT,其他,Other,yes
                E0406,E04,HOTLINE,积雪,Snow,true
                X01,E04,EVENT,错位,Misplaced,
                E0407,E04,EVENT,,No name,
                E0407,E04,EVENT,重复,Duplicate,
                E0408,E04,GADGET,怪,Odd,maybe
                E0405,H05,EVENT,城市积水,Urban waterlogging,
                bad-code,,EVENT,坏编码,,
                """, false);
        assertThat(errors(plan))
                .containsExactly(
                        "2:parent:category.parent.unknown",
                        "3:kind:category.kind.parent-differs",
                        "4:code:category.code.prefix",
                        "5:name:category.name.required",
                        "6:code:category.import.duplicate",
                        "7:active:category.import.active",
                        "7:kind:category.kind.unknown",
                        "8:code:category.code.prefix",
                        "8:kind:category.kind.parent-differs",
                        "8:parent:category.import.moved",
                        "9:code:category.code.pattern");
        assertThat(plan.creates()).isEmpty();
        assertThat(plan.updates()).isEmpty();
        RowError duplicate = plan.report().errors().get(4);
        assertThat(duplicate.args()).containsExactly("E0407", 5);
    }

    @Test
    void replacingSwitchesOffWhatTheFileLeavesOutAndWantsEveryParentInTheFile() throws IOException {
        Plan plan = plan("""
                code,parent,kind,name
                E04,,EVENT,突发事件
                E0405,E04,EVENT,城市积水
                """, true);
        assertThat(plan.report().errors()).isEmpty();
        assertThat(plan.report().deactivated()).isEqualTo(3);
        assertThat(plan.offs()).containsExactly("E0401", "H05", "H0501");
        // name_en blank in the file clears it: the file is the whole truth when replacing.
        assertThat(plan.report().updated()).isEqualTo(2);

        Plan orphan = plan("""
                code,parent,kind,name
                E0405,E04,EVENT,城市积水
                """, true);
        assertThat(errors(orphan)).containsExactly("2:parent:category.import.parent-not-in-file");
    }

    @Test
    void mergingRefusesToSwitchOffABranchWhoseUnlistedChildrenStayOn() throws IOException {
        Plan plan = plan("""
                code,parent,kind,name,active
                H05,,HOTLINE,供暖,false
                """, false);
        assertThat(errors(plan)).containsExactly("2:active:category.import.children-active");
        Plan both = plan("""
                code,parent,kind,name,active
                H05,,HOTLINE,供暖,否
                H0501,H05,HOTLINE,供暖不热,否
                """, false);
        assertThat(both.report().errors()).isEmpty();
        assertThat(both.report().updated()).isEqualTo(2);
    }

    @Test
    void chineseHeadersAndKindsAndABomAreRead() throws IOException {
        Plan plan = plan("\uFEFF编码,上级编码,类型,名称,英文名称\nH06,,热线诉求,物业管理,Property\n", false);
        assertThat(plan.report().errors()).isEmpty();
        assertThat(plan.creates()).extracting(CategoryRow::kind).containsExactly("HOTLINE");
    }

    @Test
    void aMissingColumnIsAnErrorOfTheHeaderRow() throws IOException {
        Plan plan = plan("code,parent,name\nE05,,街面秩序\n", false);
        assertThat(errors(plan)).containsExactly("1:kind:category.import.missing-column");
    }

    @Test
    void aFileThatIsNeitherTextNorWorkbookIsUnreadable() {
        byte[] latin1 = "code,kind,name\nE05,EVENT,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CategoryFile.read(new ByteArrayInputStream(latin1), "x.csv"))
                .isInstanceOf(UnreadableCategoryFile.class);
        assertThatThrownBy(() -> CategoryFile.read(new ByteArrayInputStream(new byte[] {1, 2}), "x.xlsx"))
                .isInstanceOf(UnreadableCategoryFile.class);
    }
}
