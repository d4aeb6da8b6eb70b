package org.cityos.spatial;

import java.util.Optional;
import java.util.UUID;

/** The identity of a point of interest. */
public record PoiId(UUID value) {
    public PoiId {
        if (value == null) {
            throw new IllegalArgumentException("a POI id needs a value");
        }
    }

    public static PoiId random() {
        return new PoiId(UUID.randomUUID());
    }

    /** Empty when {@code text} is not a UUID, so callers can answer 404 or 400 instead of failing. */
    public static Optional<PoiId> parse(String text) {
        try {
            return Optional.of(new PoiId(UUID.fromString(text.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
