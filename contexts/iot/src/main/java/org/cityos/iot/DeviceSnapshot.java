package org.cityos.iot;

import java.time.Instant;
import java.util.Map;

/**
 * A device's latest state: the last value of each property, when it was last heard from, whether it is
 * online (heard from within its type's expected interval), battery and fault code if it reports them.
 *
 * @param firstSeen when CityOS first heard from it
 */
public record DeviceSnapshot(
        DeviceId device,
        String typeCode,
        Instant firstSeen,
        Instant lastSeen,
        boolean online,
        Map<String, TelemetryReading> readings,
        Double battery,
        String fault) {}
