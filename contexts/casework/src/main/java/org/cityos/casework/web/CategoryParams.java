package org.cityos.casework.web;

import org.cityos.casework.CategoryKind;
import org.cityos.kernel.problem.InvalidInput;

/** Category request parameters read strictly: a bad one is a 400 naming it. */
final class CategoryParams {
    private CategoryParams() {}

    static CategoryKind kind(String s) {
        return CategoryKind.parse(s).orElseThrow(() -> InvalidInput.of("kind", "category.kind.unknown", s));
    }

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); null when there is none. */
    static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "category.param.version", ifMatch);
        }
    }
}
