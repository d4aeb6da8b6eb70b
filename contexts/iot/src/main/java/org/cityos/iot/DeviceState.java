package org.cityos.iot;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a device stands in its life: PLANNED → INSTALLED → ACTIVE ⇄ FAULTY → RETIRED. A plan may be
 * dropped (PLANNED → RETIRED) and an installed device may turn out faulty before it ever reported;
 * RETIRED is final (a replacement is a new device).
 */
public enum DeviceState {
    PLANNED,
    INSTALLED,
    ACTIVE,
    FAULTY,
    RETIRED;

    public Set<DeviceState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(INSTALLED, RETIRED);
            case INSTALLED -> EnumSet.of(ACTIVE, FAULTY, RETIRED);
            case ACTIVE -> EnumSet.of(FAULTY, RETIRED);
            case FAULTY -> EnumSet.of(ACTIVE, RETIRED);
            case RETIRED -> EnumSet.noneOf(DeviceState.class);
        };
    }

    public boolean canBecome(DeviceState to) {
        return next().contains(to);
    }

    /** States a device may be registered in: records of what already exists may start beyond PLANNED. */
    public boolean initial() {
        return this != RETIRED;
    }

    public static Optional<DeviceState> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
