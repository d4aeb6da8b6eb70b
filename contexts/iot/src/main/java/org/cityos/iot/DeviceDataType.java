package org.cityos.iot;

import java.util.Locale;
import java.util.Optional;

/** The kinds of value a device property or command parameter holds. */
public enum DeviceDataType {
    NUMBER,
    INTEGER,
    BOOLEAN,
    STRING,
    ENUM;

    /** Empty for a name that is not a data type, so callers can report a field error instead of failing. */
    public static Optional<DeviceDataType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only numbers have a range. */
    public boolean numeric() {
        return this == NUMBER || this == INTEGER;
    }
}
