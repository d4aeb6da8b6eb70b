package org.cityos.kernel;

import org.cityos.kernel.problem.InvalidInput;

/** Which slice of a list to return; limits are bounded so no caller can ask for everything at once. */
public record PageRequest(int offset, int limit) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw InvalidInput.of("offset", "validation.min", 0);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_LIMIT);
        }
    }

    public static PageRequest of(Integer offset, Integer limit) {
        return new PageRequest(offset == null ? 0 : offset, limit == null ? 50 : limit);
    }
}
