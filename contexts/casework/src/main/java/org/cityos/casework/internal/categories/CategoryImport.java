package org.cityos.casework.internal.categories;

import static org.cityos.casework.internal.categories.CategoryFile.ACTIVE;
import static org.cityos.casework.internal.categories.CategoryFile.CODE;
import static org.cityos.casework.internal.categories.CategoryFile.KIND;
import static org.cityos.casework.internal.categories.CategoryFile.NAME;
import static org.cityos.casework.internal.categories.CategoryFile.NAME_EN;
import static org.cityos.casework.internal.categories.CategoryFile.PARENT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cityos.casework.Category;
import org.cityos.casework.CategoryImportReport;
import org.cityos.casework.CategoryImportReport.RowError;
import org.cityos.casework.CategoryKind;
import org.cityos.casework.internal.categories.CategoryFile.Content;
import org.cityos.casework.internal.categories.CategoryFile.FileRow;
import org.cityos.casework.persistence.CategoryRepository.CategoryRow;
import org.cityos.kernel.problem.FieldIssue;

/**
 * Works out what a category file would do to the tree, and every reason it cannot: the whole file is checked
 * against the tree as it would be afterwards, so a parent may come after its children in the file. Merging adds and
 * renames; replacing also switches off whatever the file leaves out.
 */
public final class CategoryImport {
    public static final int MAX_ROWS = 5_000;
    private static final Map<String, String> COLUMN_OF_FIELD =
            Map.of("code", CODE, "parentCode", PARENT, "kind", KIND, "name", NAME, "nameEn", NAME_EN);

    private CategoryImport() {}

    /** The report, and the writes that carry it out (empty when the report has errors). */
    public record Plan(
            CategoryImportReport report, List<CategoryRow> creates, List<CategoryRow> updates, List<String> offs) {}

    private record Entry(
            FileRow row, String code, String parent, CategoryKind kind, String name, String nameEn, boolean active) {}

    public static Plan plan(Content content, CategoryTree tree, boolean replace, boolean dryRun) {
        List<RowError> errors = new ArrayList<>();
        for (String column : CategoryFile.REQUIRED) {
            if (!content.columns().contains(column)) {
                errors.add(new RowError(content.headerRow(), column, "category.import.missing-column", column));
            }
        }
        if (content.rows().size() > MAX_ROWS) {
            errors.add(
                    new RowError(content.rows().get(MAX_ROWS).row(), CODE, "category.import.too-many-rows", MAX_ROWS));
        }
        if (!errors.isEmpty()) {
            return rejected(replace, dryRun, content.rows().size(), errors);
        }
        Map<String, Entry> file = new LinkedHashMap<>();
        for (FileRow row : content.rows()) {
            read(row, file, errors);
        }
        Map<String, Integer> levels = new HashMap<>();
        for (Entry e : file.values()) {
            place(e, file, tree, replace, levels, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<CategoryRow> creates = new ArrayList<>();
        List<CategoryRow> updates = new ArrayList<>();
        for (Entry e : file.values()) {
            String kind = e.kind == null ? null : e.kind.name();
            CategoryRow row = new CategoryRow(e.code, e.parent, kind, e.name, e.nameEn, e.active, 0);
            Optional<Category> existing = tree.find(e.code);
            if (existing.isEmpty()) {
                created++;
                creates.add(row);
            } else if (differs(existing.get(), e)) {
                updated++;
                updates.add(row);
            } else {
                unchanged++;
            }
            if (!e.active && !replace) {
                // Merging leaves categories the file does not name as they are: none of them may stay on below it.
                for (Category below : tree.subtree(e.code)) {
                    if (below.active() && !file.containsKey(below.code())) {
                        errors.add(new RowError(
                                e.row.row(), ACTIVE, "category.import.children-active", e.code, below.code()));
                        break;
                    }
                }
            }
        }
        List<String> offs = new ArrayList<>();
        if (replace) {
            for (Category c : tree.preorder()) {
                if (c.active() && !file.containsKey(c.code())) {
                    offs.add(c.code());
                }
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::column));
        CategoryImportReport report = new CategoryImportReport(
                dryRun, replace, content.rows().size(), created, updated, unchanged, offs.size(), errors);
        if (!errors.isEmpty()) {
            return new Plan(report, List.of(), List.of(), List.of());
        }
        // A child's code is longer than its parent's, so shorter codes first inserts every parent before its children.
        creates.sort(
                Comparator.comparingInt((CategoryRow r) -> r.code().length()).thenComparing(CategoryRow::code));
        return new Plan(report, creates, updates, offs);
    }

    private static Plan rejected(boolean replace, boolean dryRun, int rows, List<RowError> errors) {
        return new Plan(
                new CategoryImportReport(dryRun, replace, rows, 0, 0, 0, 0, errors), List.of(), List.of(), List.of());
    }

    /** Reads one row's cells; a row with a usable code joins the file even when other cells are wrong. */
    private static void read(FileRow row, Map<String, Entry> file, List<RowError> errors) {
        String code = row.get(CODE);
        String parent = row.get(PARENT);
        String kindText = row.get(KIND);
        for (String column : List.of(CODE, PARENT)) {
            if (row.numeric().contains(column)) {
                errors.add(new RowError(row.row(), column, "category.import.numeric-code", row.get(column)));
            }
        }
        boolean codeUsable = false;
        if (code == null) {
            errors.add(new RowError(row.row(), CODE, "category.code.required"));
        } else if (!CategoryRules.CODE.matcher(code).matches()) {
            errors.add(new RowError(row.row(), CODE, "category.code.pattern", code));
        } else if (file.containsKey(code)) {
            errors.add(new RowError(
                    row.row(),
                    CODE,
                    "category.import.duplicate",
                    code,
                    file.get(code).row.row()));
        } else {
            codeUsable = true;
        }
        CategoryKind kind = null;
        if (kindText == null) {
            errors.add(new RowError(row.row(), KIND, "category.kind.required"));
        } else {
            kind = CategoryKind.parse(kindText).orElse(null);
            if (kind == null) {
                errors.add(new RowError(row.row(), KIND, "category.kind.unknown", kindText));
            }
        }
        for (FieldIssue issue : CategoryRules.checkNames(row.get(NAME), row.get(NAME_EN))) {
            errors.add(error(row, issue));
        }
        Boolean active = active(row.get(ACTIVE));
        if (active == null) {
            errors.add(new RowError(row.row(), ACTIVE, "category.import.active", row.get(ACTIVE)));
        }
        if (codeUsable) {
            file.put(
                    code,
                    new Entry(row, code, parent, kind, row.get(NAME), row.get(NAME_EN), active == null || active));
        }
    }

    /** Checks the entry's place: parent known, code under the parent's, same kind, not too deep, not moved. */
    private static void place(
            Entry e,
            Map<String, Entry> file,
            CategoryTree tree,
            boolean replace,
            Map<String, Integer> levels,
            List<RowError> errors) {
        Optional<Category> existing = tree.find(e.code);
        if (existing.isPresent()) {
            if (!Objects.equals(existing.get().parentCode(), e.parent)) {
                errors.add(new RowError(
                        e.row.row(),
                        PARENT,
                        "category.import.moved",
                        e.code,
                        String.valueOf(existing.get().parentCode())));
            }
            if (e.kind != null && existing.get().kind() != e.kind) {
                errors.add(new RowError(
                        e.row.row(),
                        KIND,
                        "category.import.kind-changed",
                        e.code,
                        existing.get().kind().name()));
            }
        }
        if (e.parent == null) {
            return;
        }
        CategoryRules.Parent parent = parent(e.parent, file, tree, levels, 0);
        if (parent == null) {
            errors.add(new RowError(e.row.row(), PARENT, "category.parent.unknown", e.parent));
            return;
        }
        if (!file.containsKey(e.parent) && replace) {
            errors.add(new RowError(e.row.row(), PARENT, "category.import.parent-not-in-file", e.parent));
            return;
        }
        for (FieldIssue issue : CategoryRules.checkPlace(e.code, e.kind, parent)) {
            // A switched-off category may sit under a switched-off parent.
            if (!e.active && issue.messageKey().equals("category.parent.inactive")) {
                continue;
            }
            errors.add(error(e.row, issue));
        }
    }

    /** The parent as the tree would hold it after the import: from the file when it is there, else as stored. */
    private static CategoryRules.Parent parent(
            String code, Map<String, Entry> file, CategoryTree tree, Map<String, Integer> levels, int depth) {
        Entry inFile = file.get(code);
        if (inFile != null) {
            return new CategoryRules.Parent(code, inFile.kind, level(inFile, file, tree, levels, depth), inFile.active);
        }
        return tree.find(code)
                .map(c -> new CategoryRules.Parent(code, c.kind(), c.level(), c.active()))
                .orElse(null);
    }

    private static int level(
            Entry e, Map<String, Entry> file, CategoryTree tree, Map<String, Integer> levels, int depth) {
        Integer known = levels.get(e.code);
        if (known != null) {
            return known;
        }
        int level;
        if (e.parent == null) {
            level = 1;
        } else if (depth > CategoryRules.MAX_LEVEL * 2) {
            // A cycle (codes not under their parents'): the prefix rule reports it, the depth only has to stop.
            level = depth;
        } else {
            CategoryRules.Parent p = parent(e.parent, file, tree, levels, depth + 1);
            level = p == null ? 1 : p.level() + 1;
        }
        levels.put(e.code, level);
        return level;
    }

    private static boolean differs(Category c, Entry e) {
        return !Objects.equals(c.name(), e.name) || !Objects.equals(c.nameEn(), e.nameEn) || c.active() != e.active;
    }

    private static Boolean active(String text) {
        if (text == null) {
            return true;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "是", "启用" -> true;
            case "false", "0", "no", "n", "否", "停用" -> false;
            default -> null;
        };
    }

    private static RowError error(FileRow row, FieldIssue issue) {
        return new RowError(
                row.row(),
                COLUMN_OF_FIELD.getOrDefault(issue.field(), issue.field()),
                issue.messageKey(),
                issue.args());
    }
}
