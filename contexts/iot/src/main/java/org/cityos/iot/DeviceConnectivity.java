package org.cityos.iot;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One installed device's connectivity: ONLINE, OFFLINE (silent beyond its type's interval) or SILENT (never heard
 * from since installation), with when it was last heard from.
 */
public record DeviceConnectivity(
        DeviceId id,
        String name,
        String typeCode,
        String division,
        LocalDate installedOn,
        Instant lastSeen,
        String health) {

    /** The connectivity states a list can be filtered by. */
    public enum Health {
        ONLINE,
        OFFLINE,
        SILENT
    }
}
