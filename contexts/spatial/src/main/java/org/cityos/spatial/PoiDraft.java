package org.cityos.spatial;

import java.util.Map;
import org.cityos.kernel.GeoPoint;

/**
 * The writable fields of a POI, with the location already in WGS84. Division and grid are not
 * part of it: CityOS assigns them from the location.
 */
public record PoiDraft(
        String classCode,
        String name,
        GeoPoint location,
        String address,
        String phone,
        Map<String, Object> attributes,
        String externalId) {

    public PoiDraft {
        attributes = attributes == null ? Map.of() : attributes;
    }
}
