package org.cityos.casework;

import java.time.Instant;
import java.util.List;

/**
 * A search of public requests (GeoReport v2 GET requests): by ids (then nothing else counts), else by service,
 * received between {@code from} and {@code to}, and open or closed ({@code null} for both).
 */
public record PublicRequestFilter(List<String> ids, String serviceCode, Instant from, Instant to, Boolean open) {

    public PublicRequestFilter {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
