package org.cityos.spatial;

import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a layer: WGS84 geometry, free properties and an optional time for temporal
 * filtering. A null id on input asks the layer to assign one.
 */
public record LayerFeature(String id, Geometry geometry, Map<String, Object> properties, Instant datetime) {
    public LayerFeature {
        properties = properties == null ? Map.of() : properties;
    }

    public LayerFeature withId(String newId) {
        return new LayerFeature(newId, geometry, properties, datetime);
    }

    public LayerFeature withGeometry(Geometry newGeometry) {
        return new LayerFeature(id, newGeometry, properties, datetime);
    }
}
