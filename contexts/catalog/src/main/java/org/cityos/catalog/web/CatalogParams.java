package org.cityos.catalog.web;

import org.cityos.catalog.CatalogQuery;
import org.cityos.catalog.Labelled;
import org.cityos.catalog.OpenType;
import org.cityos.catalog.SharingType;
import org.cityos.kernel.problem.InvalidInput;

/** Catalogue request parameters read strictly: a bad one is a 400 naming it. */
final class CatalogParams {
    private CatalogParams() {}

    /** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); a 400 when missing or bad. */
    static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw InvalidInput.of("If-Match", "catalog.validation.version-required");
        }
        try {
            return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "catalog.validation.version-required");
        }
    }

    static CatalogQuery query(
            String q,
            String department,
            String sharingType,
            String openType,
            Integer resourceClass,
            boolean includeRetired) {
        SharingType sharing = sharingType == null ? null : Labelled.parse(SharingType.class, sharingType);
        if (sharingType != null && sharing == null) {
            throw InvalidInput.of("sharingType", "catalog.validation.unknown-param", sharingType);
        }
        OpenType open = openType == null ? null : Labelled.parse(OpenType.class, openType);
        if (openType != null && open == null) {
            throw InvalidInput.of("openType", "catalog.validation.unknown-param", openType);
        }
        if (resourceClass != null && (resourceClass < 1 || resourceClass > 3)) {
            throw InvalidInput.of("class", "validation.range", 1, 3);
        }
        return new CatalogQuery(q, department, sharing, open, resourceClass, includeRetired);
    }
}
