package org.cityos.alerting;

import tools.jackson.databind.JsonNode;

/**
 * A GEOFENCE rule's area and what counts: ENTER (was outside, now inside), EXIT (was inside, now outside) or DWELL
 * (inside for at least the rule's window). Positions come from the device's {@code latitude}/{@code longitude}.
 *
 * @param area a GeoJSON Polygon or MultiPolygon in WGS84
 */
public record Geofence(JsonNode area, String trigger) {
    public static final String ENTER = "ENTER";
    public static final String EXIT = "EXIT";
    public static final String DWELL = "DWELL";
}
