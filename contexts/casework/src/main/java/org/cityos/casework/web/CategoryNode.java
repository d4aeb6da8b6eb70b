package org.cityos.casework.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.casework.Category;
import org.cityos.casework.CategoryKind;

/** A category with its children, for clients that draw the tree as it is. */
public record CategoryNode(
        String code,
        String parentCode,
        String name,
        String nameEn,
        CategoryKind kind,
        int level,
        boolean active,
        boolean leaf,
        int version,
        List<CategoryNode> children) {

    /** Nests categories given parents before children; one whose parent is not among them becomes a root. */
    static List<CategoryNode> nest(List<Category> preorder) {
        Map<String, List<Category>> kids = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        Map<String, Category> present = new HashMap<>();
        for (Category c : preorder) {
            present.put(c.code(), c);
        }
        for (Category c : preorder) {
            if (c.parentCode() != null && present.containsKey(c.parentCode())) {
                kids.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        return roots.stream().map(c -> node(c, kids)).toList();
    }

    private static CategoryNode node(Category c, Map<String, List<Category>> kids) {
        List<Category> below = kids.getOrDefault(c.code(), List.of());
        return new CategoryNode(
                c.code(),
                c.parentCode(),
                c.name(),
                c.nameEn(),
                c.kind(),
                c.level(),
                c.active(),
                below.isEmpty(),
                c.version(),
                below.stream().map(k -> node(k, kids)).toList());
    }
}
