package org.cityos.casework;

import java.util.List;

/**
 * One node of the category tree. Codes carry their ancestry (a child's code starts with its parent's), so dispatch
 * rules can match a whole branch by prefix; cases take leaves only.
 *
 * @param parentCode null for a top level
 * @param level 1 for a top level
 * @param path the codes from the top level down to this one, this one last
 * @param active an inactive category stays for the cases filed under it but takes no new ones
 */
public record Category(
        String code,
        String parentCode,
        String name,
        String nameEn,
        CategoryKind kind,
        int level,
        List<String> path,
        boolean active,
        int version) {

    public Category {
        path = List.copyOf(path);
    }
}
