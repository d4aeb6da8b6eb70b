package org.cityos.spatial;

import java.time.Instant;
import java.util.Map;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;

/**
 * A point of interest as stored: WGS84 location, the division and grid it lies in (assigned on
 * every write), free-form attributes, an optional external id for idempotent imports.
 */
public record Poi(
        PoiId id,
        String classCode,
        String name,
        GeoPoint location,
        DivisionCode division,
        DivisionCode grid,
        String address,
        String phone,
        Map<String, Object> attributes,
        String externalId,
        boolean synthetic,
        String source,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public Poi {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The smallest division the POI is in: its grid when it has one. */
    public DivisionCode place() {
        return grid != null ? grid : division;
    }
}
