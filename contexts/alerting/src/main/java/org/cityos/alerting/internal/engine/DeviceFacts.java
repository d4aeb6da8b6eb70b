package org.cityos.alerting.internal.engine;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/** What the engine needs of a device: type and where it belongs, for scope, and its position for distances. */
public record DeviceFacts(
        String id, String typeCode, String division, String department, List<String> tags, GeoPoint location) {
    public DeviceFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
