package org.cityos.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.CategoryProblems.CategoryExists;
import org.cityos.casework.CategoryProblems.UnknownCategory;
import org.cityos.casework.internal.categories.CategoryCatalog;
import org.cityos.casework.internal.categories.CategoryExport;
import org.cityos.casework.internal.categories.CategoryFile;
import org.cityos.casework.internal.categories.CategoryImport;
import org.cityos.casework.internal.categories.CategoryRules;
import org.cityos.casework.internal.categories.CategorySuggester;
import org.cityos.casework.internal.categories.CategoryTree;
import org.cityos.casework.persistence.CategoryRepository;
import org.cityos.casework.persistence.CategoryRepository.CategoryRow;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.AccessDenied;
import org.cityos.kernel.problem.ConcurrentChange;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case category tree: read by everyone who reads cases, configured (added, renamed, switched off, imported) by
 * those who configure casework, every change audited; and a leaf suggested for a case's text.
 */
@Service
public class Categories {
    public static final int MAX_SUGGESTIONS = 20;

    private final CategoryRepository repository;
    private final CategoryCatalog catalog;
    private final CategorySuggester suggester;
    private final AuditTrail audit;
    private final Clock clock;

    public Categories(
            CategoryRepository repository,
            CategoryCatalog catalog,
            CategorySuggester suggester,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.suggester = suggester;
        this.audit = audit;
        this.clock = clock;
    }

    /** The active tree, parents before their children (siblings by code): a client nests it by {@code parentCode}. */
    public List<Category> tree(Actor actor) {
        requireRead(actor);
        return catalog.tree().preorder().stream().filter(Category::active).toList();
    }

    /**
     * Categories of one kind and/or directly below one parent (a null filter matches everything), in tree order.
     *
     * @param parentCode {@code ""} for the top levels
     */
    public List<Category> list(Actor actor, CategoryKind kind, String parentCode, boolean includeInactive) {
        requireRead(actor);
        CategoryTree tree = catalog.tree();
        if (parentCode != null && !parentCode.isEmpty() && tree.find(parentCode).isEmpty()) {
            throw new UnknownCategory(parentCode);
        }
        return tree.preorder().stream()
                .filter(c -> kind == null || c.kind() == kind)
                .filter(c -> parentCode == null
                        || (parentCode.isEmpty() ? c.parentCode() == null : parentCode.equals(c.parentCode())))
                .filter(c -> includeInactive || c.active())
                .toList();
    }

    public Category get(Actor actor, String code) {
        requireRead(actor);
        return catalog.tree().find(code).orElseThrow(() -> new UnknownCategory(code));
    }

    /** The category by code for casework itself (intake, dispatch rules), no access check. */
    public Optional<Category> find(String code) {
        return catalog.tree().find(code);
    }

    /** Whether a new case may be filed under the code: it exists, is active, and is a leaf. */
    public boolean usable(String code) {
        return catalog.tree().usable(code);
    }

    /** The names from the top level down to the category, e.g. {@code [事件, 突发事件, 道路积水]}; empty if unknown. */
    public List<String> pathNames(String code) {
        CategoryTree tree = catalog.tree();
        return tree.find(code).map(tree::pathNames).orElse(List.of());
    }

    @Transactional
    public Category create(Actor actor, CategoryDraft draft) {
        actor.require(Permission.CASE_CONFIGURE);
        CategoryTree tree = CategoryTree.of(repository.all());
        String code = CategoryRules.clean(draft.code());
        String parentCode = CategoryRules.clean(draft.parentCode());
        CategoryRules.Parent parent = parentCode == null
                ? null
                : tree.find(parentCode)
                        .map(p -> new CategoryRules.Parent(p.code(), p.kind(), p.level(), p.active()))
                        .orElse(null);
        List<FieldIssue> issues =
                CategoryRules.checkNew(code, parentCode, draft.kind(), draft.name(), draft.nameEn(), parent);
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        if (tree.find(code).isPresent()) {
            throw new CategoryExists(code);
        }
        CategoryRow row = new CategoryRow(
                code,
                parentCode,
                draft.kind().name(),
                draft.name().strip(),
                CategoryRules.clean(draft.nameEn()),
                true,
                0);
        if (!repository.insert(row, clock.instant())) {
            throw new CategoryExists(code);
        }
        Map<String, Object> details = names(row.name(), row.nameEn());
        details.put("parentCode", parentCode);
        details.put("kind", row.kind());
        audit.record(actor, "casework.category.created", "category", code, details);
        catalog.invalidate();
        return fresh(code);
    }

    /** Renames; code, parent and kind stay as they are (a draft naming others is refused). */
    @Transactional
    public Category change(Actor actor, String code, int expectedVersion, CategoryDraft draft) {
        actor.require(Permission.CASE_CONFIGURE);
        Category current = CategoryTree.of(repository.all()).find(code).orElseThrow(() -> new UnknownCategory(code));
        List<FieldIssue> issues = new ArrayList<>(CategoryRules.checkNames(draft.name(), draft.nameEn()));
        fixed(issues, "code", draft.code(), current.code());
        fixed(issues, "parentCode", draft.parentCode(), current.parentCode());
        fixed(
                issues,
                "kind",
                draft.kind() == null ? null : draft.kind().name(),
                current.kind().name());
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        String name = draft.name().strip();
        String nameEn = CategoryRules.clean(draft.nameEn());
        if (!repository.rename(code, name, nameEn, expectedVersion, clock.instant())) {
            throw new ConcurrentChange("category", code);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", names(current.name(), current.nameEn()));
        details.put("to", names(name, nameEn));
        audit.record(actor, "casework.category.changed", "category", code, details);
        catalog.invalidate();
        return fresh(code);
    }

    /**
     * Switches the category and everything below it off: they stay for the cases filed under them but take no new
     * ones. {@code expectedVersion} (may be null) guards against switching off what someone just changed.
     */
    @Transactional
    public Category deactivate(Actor actor, String code, Integer expectedVersion) {
        actor.require(Permission.CASE_CONFIGURE);
        CategoryTree tree = CategoryTree.of(repository.all());
        Category current = tree.find(code).orElseThrow(() -> new UnknownCategory(code));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentChange("category", code);
        }
        List<String> codes = tree.subtree(code).stream().map(Category::code).toList();
        int changed = repository.deactivate(codes, clock.instant());
        audit.record(actor, "casework.category.deactivated", "category", code, Map.of("categories", changed));
        catalog.invalidate();
        return fresh(code);
    }

    /** Imports a CSV or .xlsx file for real: see {@link #importTree(Actor, InputStream, String, boolean, boolean)}. */
    public CategoryImportReport importTree(Actor actor, InputStream csvOrXlsx, String fileName, boolean replace) {
        return importTree(actor, csvOrXlsx, fileName, replace, false);
    }

    /**
     * Imports a category file (columns {@code code, parent, kind, name, name_en, active}; see the seed file). A file
     * with any error writes nothing, and the report lists every error by row and column. {@code replace} makes the
     * file the whole tree: categories it leaves out are switched off.
     */
    @Transactional
    public CategoryImportReport importTree(
            Actor actor, InputStream csvOrXlsx, String fileName, boolean replace, boolean dryRun) {
        actor.require(Permission.CASE_CONFIGURE);
        CategoryFile.Content content;
        try {
            content = CategoryFile.read(csvOrXlsx, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CategoryImport.Plan plan = CategoryImport.plan(content, CategoryTree.of(repository.all()), replace, dryRun);
        if (!plan.report().applied()) {
            return plan.report();
        }
        Instant now = clock.instant();
        for (CategoryRow row : plan.creates()) {
            repository.insert(row, now);
        }
        for (CategoryRow row : plan.updates()) {
            repository.overwrite(row.code(), row.name(), row.nameEn(), row.active(), now);
        }
        repository.deactivate(plan.offs(), now);
        CategoryImportReport r = plan.report();
        audit.record(
                actor,
                "casework.category.imported",
                "category",
                Objects.requireNonNullElse(fileName, "upload"),
                Map.of(
                        "replace", replace,
                        "rows", r.rows(),
                        "created", r.created(),
                        "updated", r.updated(),
                        "deactivated", r.deactivated()));
        catalog.invalidate();
        return r;
    }

    /** The whole tree, switched-off categories included, as a CSV the import reads back (UTF-8 with a BOM, for Excel). */
    public String export(Actor actor) {
        requireRead(actor);
        return CategoryExport.csv(catalog.tree());
    }

    /** Up to {@code limit} usable leaves for a case's text, best first; empty when the text says nothing known. */
    public List<CategorySuggestion> suggest(Actor actor, String text, int limit) {
        actor.require(Permission.CASE_READ);
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("text", "validation.required");
        }
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_SUGGESTIONS);
        }
        CategoryTree tree = catalog.tree();
        return suggester.suggest(text, limit + 5).stream()
                .filter(s -> tree.usable(s.leaf().code()))
                .limit(limit)
                .map(s -> new CategorySuggestion(
                        s.leaf().code(),
                        s.leaf().name(),
                        s.leaf().pathNames(),
                        s.score(),
                        s.leaf().basedOn()))
                .toList();
    }

    /** Rebuilds the suggestion model now, from the tree and the cases as they are (it also rebuilds by itself). */
    public void retrain() {
        suggester.retrain();
    }

    private Category fresh(String code) {
        return CategoryTree.of(repository.all()).find(code).orElseThrow(() -> new UnknownCategory(code));
    }

    private static void requireRead(Actor actor) {
        if (!actor.has(Permission.CASE_READ) && !actor.has(Permission.CASE_CONFIGURE)) {
            throw new AccessDenied("problem.missing-permission", Permission.CASE_READ.name());
        }
    }

    private static void fixed(List<FieldIssue> issues, String field, String given, String current) {
        String g = CategoryRules.clean(given);
        if (g != null && !g.equals(current)) {
            issues.add(new FieldIssue(field, "category.fixed", field));
        }
    }

    private static Map<String, Object> names(String name, String nameEn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("nameEn", nameEn);
        return m;
    }
}
