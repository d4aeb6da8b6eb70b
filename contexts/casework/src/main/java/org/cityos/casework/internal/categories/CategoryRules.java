package org.cityos.casework.internal.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cityos.casework.CategoryKind;
import org.cityos.kernel.problem.FieldIssue;

/**
 * The rules every category obeys, whether typed in or imported. Field names are the draft's ({@code code},
 * {@code parentCode}, {@code kind}, {@code name}, {@code nameEn}); the import maps them to its columns.
 */
public final class CategoryRules {
    /** Letters and digits only: codes end up in URLs, file names and dispatch-rule prefixes. */
    public static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,32}");

    public static final int MAX_LEVEL = 5;
    public static final int MAX_NAME = 60;
    public static final int MAX_NAME_EN = 120;

    private CategoryRules() {}

    /** What the new category's parent looks like, or null when it has none. */
    public record Parent(String code, CategoryKind kind, int level, boolean active) {}

    /** Checks a new category; {@code parent} is null for a top level or when {@code parentCode} names nothing. */
    public static List<FieldIssue> checkNew(
            String code, String parentCode, CategoryKind kind, String name, String nameEn, Parent parent) {
        List<FieldIssue> issues = new ArrayList<>();
        if (code == null || code.isBlank()) {
            issues.add(new FieldIssue("code", "category.code.required"));
        } else if (!CODE.matcher(code).matches()) {
            issues.add(new FieldIssue("code", "category.code.pattern", code));
        }
        if (kind == null) {
            issues.add(new FieldIssue("kind", "category.kind.required"));
        }
        if (parentCode != null && !parentCode.isBlank()) {
            if (parent == null) {
                issues.add(new FieldIssue("parentCode", "category.parent.unknown", parentCode));
            } else {
                issues.addAll(checkPlace(code, kind, parent));
            }
        }
        issues.addAll(checkNames(name, nameEn));
        return issues;
    }

    /** Checks where a category sits below its parent: code prefix, same kind, depth, parent switched on. */
    public static List<FieldIssue> checkPlace(String code, CategoryKind kind, Parent parent) {
        List<FieldIssue> issues = new ArrayList<>();
        if (code != null
                && (!code.startsWith(parent.code())
                        || code.length() <= parent.code().length())) {
            issues.add(new FieldIssue("code", "category.code.prefix", code, parent.code()));
        }
        if (kind != null && parent.kind() != null && kind != parent.kind()) {
            issues.add(new FieldIssue(
                    "kind",
                    "category.kind.parent-differs",
                    kind.name(),
                    parent.kind().name()));
        }
        if (parent.level() + 1 > MAX_LEVEL) {
            issues.add(new FieldIssue("parentCode", "category.level.too-deep", MAX_LEVEL));
        }
        if (!parent.active()) {
            issues.add(new FieldIssue("parentCode", "category.parent.inactive", parent.code()));
        }
        return issues;
    }

    public static List<FieldIssue> checkNames(String name, String nameEn) {
        List<FieldIssue> issues = new ArrayList<>();
        if (name == null || name.isBlank()) {
            issues.add(new FieldIssue("name", "category.name.required"));
        } else if (name.strip().length() > MAX_NAME) {
            issues.add(new FieldIssue("name", "category.name.too-long", MAX_NAME));
        }
        if (nameEn != null && nameEn.strip().length() > MAX_NAME_EN) {
            issues.add(new FieldIssue("nameEn", "category.name-en.too-long", MAX_NAME_EN));
        }
        return issues;
    }

    /** Blank becomes null; anything else is stripped. */
    public static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
