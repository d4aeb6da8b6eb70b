package org.cityos.spatial.internal.poi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.Places;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The projected bounding box of a caller's divisions, from their stored boundaries. Every POI in
 * scope lies inside it (it was placed inside that boundary), so a nearest search may restrict its
 * index scan to it; without the box a small scope far from the query point walks the whole index.
 * Boxes are cached for a minute: boundaries change rarely and are themselves re-read every few seconds.
 */
public final class ScopeBoxes {
    private static final Duration KEEP = Duration.ofMinutes(1);
    private final Map<DivisionCode, Cached> cache = new ConcurrentHashMap<>();
    private final Places places;
    private final LocalProjection projection;
    private final Clock clock;

    public ScopeBoxes(Places places, LocalProjection projection, Clock clock) {
        this.places = places;
        this.projection = projection;
        this.clock = clock;
    }

    private record Cached(Optional<Envelope> box, Instant until) {}

    /** The union of the scopes' boxes; empty when any scope has no stored boundary (search unboxed). */
    public Optional<Envelope> of(List<DivisionCode> scopes) {
        Envelope union = new Envelope();
        for (DivisionCode scope : scopes) {
            Optional<Envelope> box = box(scope);
            if (box.isEmpty()) {
                return Optional.empty();
            }
            union.expandToInclude(box.get());
        }
        return union.isNull() ? Optional.empty() : Optional.of(union);
    }

    private Optional<Envelope> box(DivisionCode scope) {
        Instant now = clock.instant();
        Cached cached = cache.get(scope);
        if (cached == null || now.isAfter(cached.until())) {
            cached = new Cached(places.boundary(scope).map(this::projected), now.plus(KEEP));
            cache.put(scope, cached);
        }
        return cached.box();
    }

    /** Slightly widened so a POI exactly on the boundary stays inside despite rounding. */
    private Envelope projected(Geometry boundary) {
        Envelope e = boundary.getEnvelopeInternal();
        Envelope p = new Envelope(
                projection.x(e.getMinX()),
                projection.x(e.getMaxX()),
                projection.y(e.getMinY()),
                projection.y(e.getMaxY()));
        p.expandBy(1.0);
        return p;
    }
}
