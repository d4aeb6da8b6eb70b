package org.cityos.spatial;

import java.util.Optional;
import java.util.UUID;

/** The identity of a POI import job. */
public record PoiImportId(UUID value) {
    public static PoiImportId random() {
        return new PoiImportId(UUID.randomUUID());
    }

    public static Optional<PoiImportId> parse(String text) {
        try {
            return Optional.of(new PoiImportId(UUID.fromString(text.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
