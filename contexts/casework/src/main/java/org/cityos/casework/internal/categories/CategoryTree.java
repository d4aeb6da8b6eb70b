package org.cityos.casework.internal.categories;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.casework.Category;
import org.cityos.casework.CategoryKind;
import org.cityos.casework.persistence.CategoryRepository.CategoryRow;

/** One immutable reading of the whole tree: every category with its level and path, parents before children. */
public final class CategoryTree {
    private final Map<String, Category> byCode;
    private final Map<String, List<Category>> children;
    private final List<Category> preorder;

    private CategoryTree(Map<String, Category> byCode, Map<String, List<Category>> children, List<Category> preorder) {
        this.byCode = byCode;
        this.children = children;
        this.preorder = preorder;
    }

    /** Builds the tree from stored rows; a row whose parent is missing is dropped (the foreign key prevents it). */
    public static CategoryTree of(List<CategoryRow> rows) {
        Map<String, List<CategoryRow>> kids = new HashMap<>();
        List<CategoryRow> roots = new ArrayList<>();
        for (CategoryRow row : rows) {
            if (row.parentCode() == null) {
                roots.add(row);
            } else {
                kids.computeIfAbsent(row.parentCode(), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Category> byCode = new LinkedHashMap<>();
        Map<String, List<Category>> children = new HashMap<>();
        List<Category> preorder = new ArrayList<>();
        roots.sort((a, b) -> a.code().compareTo(b.code()));
        for (CategoryRow root : roots) {
            walk(root, List.of(), kids, byCode, children, preorder);
        }
        return new CategoryTree(Collections.unmodifiableMap(byCode), children, List.copyOf(preorder));
    }

    private static void walk(
            CategoryRow row,
            List<String> above,
            Map<String, List<CategoryRow>> kids,
            Map<String, Category> byCode,
            Map<String, List<Category>> children,
            List<Category> preorder) {
        List<String> path = new ArrayList<>(above);
        path.add(row.code());
        Category category = new Category(
                row.code(),
                row.parentCode(),
                row.name(),
                row.nameEn(),
                CategoryKind.valueOf(row.kind()),
                path.size(),
                path,
                row.active(),
                row.version());
        byCode.put(row.code(), category);
        preorder.add(category);
        if (row.parentCode() != null) {
            children.computeIfAbsent(row.parentCode(), k -> new ArrayList<>()).add(category);
        }
        List<CategoryRow> below = new ArrayList<>(kids.getOrDefault(row.code(), List.of()));
        below.sort((a, b) -> a.code().compareTo(b.code()));
        for (CategoryRow child : below) {
            walk(child, path, kids, byCode, children, preorder);
        }
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Every category, parents before their children, siblings by code. */
    public List<Category> preorder() {
        return preorder;
    }

    public List<Category> children(String code) {
        return List.copyOf(children.getOrDefault(code, List.of()));
    }

    /** A leaf has no children at all: a branch whose children are all switched off still takes no cases. */
    public boolean isLeaf(String code) {
        return byCode.containsKey(code) && !children.containsKey(code);
    }

    /** What a new case may be filed under: an active leaf. */
    public boolean usable(String code) {
        Category c = code == null ? null : byCode.get(code);
        return c != null && c.active() && !children.containsKey(code);
    }

    /** The category and everything below it, the category first. */
    public List<Category> subtree(String code) {
        List<Category> out = new ArrayList<>();
        Category c = byCode.get(code);
        if (c != null) {
            collect(c, out);
        }
        return out;
    }

    private void collect(Category c, List<Category> out) {
        out.add(c);
        for (Category child : children.getOrDefault(c.code(), List.of())) {
            collect(child, out);
        }
    }

    /** The names from the top level down to the category, its own last. */
    public List<String> pathNames(Category c) {
        return c.path().stream().map(code -> byCode.get(code).name()).toList();
    }

    public int size() {
        return byCode.size();
    }
}
