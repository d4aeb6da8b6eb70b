package org.cityos.spatial;

import java.time.Instant;
import org.cityos.kernel.problem.InvalidInput;

/**
 * The OGC {@code datetime} filter: an instant ({@code start == end}) or a closed or half-open
 * interval (a null end is open, {@code ..}). Ends are inclusive; features without a time never match.
 */
public record FeatureTimeFilter(Instant start, Instant end) {
    public FeatureTimeFilter {
        if (start == null && end == null) {
            throw InvalidInput.of("datetime", "problem.layer.datetime-both-open");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw InvalidInput.of("datetime", "problem.layer.datetime-order");
        }
    }

    public static FeatureTimeFilter at(Instant instant) {
        return new FeatureTimeFilter(instant, instant);
    }

    public boolean matches(Instant t) {
        return t != null && (start == null || !t.isBefore(start)) && (end == null || !t.isAfter(end));
    }
}
