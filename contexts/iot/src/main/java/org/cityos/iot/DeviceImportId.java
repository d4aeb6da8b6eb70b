package org.cityos.iot;

import java.util.Optional;
import java.util.UUID;

/** The identity of a device import job. */
public record DeviceImportId(UUID value) {
    public static DeviceImportId random() {
        return new DeviceImportId(UUID.randomUUID());
    }

    public static Optional<DeviceImportId> parse(String text) {
        try {
            return Optional.of(new DeviceImportId(UUID.fromString(text.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
