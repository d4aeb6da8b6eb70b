package org.cityos.iot;

import java.time.Instant;

/**
 * A reading as it was committed to the telemetry store, handed to {@link TelemetryObserver}s and replayed by
 * {@link TelemetryHistory}.
 *
 * @param number the value of a number, integer or boolean (1/0) reading; NaN for text
 * @param text the value of a text or enum reading; null for numbers
 */
public record StoredReading(String deviceId, String property, Instant at, double number, String text) {}
