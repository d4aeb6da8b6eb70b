package org.cityos.iot.persistence;

import java.time.Instant;

/** One reading on its way into {@code iot_telemetry}; {@code text} null for numbers, {@code number} NaN for text. */
public record ReadingRow(
        String deviceId, String property, Instant at, double number, String text, int flags, Instant receivedAt) {}
