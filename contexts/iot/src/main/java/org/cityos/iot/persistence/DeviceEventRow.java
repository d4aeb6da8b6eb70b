package org.cityos.iot.persistence;

import java.time.Instant;

/** A discrete device event; {@code dataJson} is a JSON object. */
public record DeviceEventRow(String deviceId, Instant at, String name, String dataJson, Instant receivedAt) {}
