package org.cityos.iot;

import java.time.Instant;

/**
 * A stored reading as the query API returns it.
 *
 * @param value the number, or null for a text reading
 * @param text the text, or null for a number
 * @param flags 1 = outside the type's range, 2 = not declared by the type, 4 = device clock ahead
 */
public record TelemetryReading(String property, Instant at, Double value, String text, int flags) {}
