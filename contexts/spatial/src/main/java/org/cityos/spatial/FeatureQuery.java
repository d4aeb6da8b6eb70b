package org.cityos.spatial;

import org.cityos.kernel.problem.InvalidInput;

/**
 * Which features of a layer to return: those whose geometry meets {@code bbox} (null = anywhere) and
 * whose time matches {@code datetime} (null = any), one page at a time.
 */
public record FeatureQuery(FeatureBox bbox, FeatureTimeFilter datetime, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;

    public FeatureQuery {
        if (offset < 0) {
            throw InvalidInput.of("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_LIMIT);
        }
    }
}
