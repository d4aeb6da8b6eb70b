package org.cityos.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total the whole list holds. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, offset, limit);
    }
}
