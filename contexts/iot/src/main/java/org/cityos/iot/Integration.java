package org.cityos.iot;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An operator or vendor platform (NB-IoT platform, a vendor cloud) that pushes its devices' messages to CityOS
 * by HTTP with its own credentials. Each pushed document (or each element of {@code itemsPath}) names its
 * device at {@code deviceKeyPath}, as a CityOS device id or as the vendor's serial number.
 *
 * @param vendor whose serials {@code SERIAL} keys are (required for SERIAL)
 * @param form how the payload is read (null = detect); {@code mapping} the declarative mapping, if any
 */
public record Integration(
        String id,
        String name,
        String tokenHint,
        String vendor,
        PayloadForm form,
        JsonNode mapping,
        String deviceKeyPath,
        DeviceKeyKind deviceKeyKind,
        String itemsPath,
        boolean enabled,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** What the device key in a pushed message is. */
    public enum DeviceKeyKind {
        DEVICE_ID,
        SERIAL
    }
}
