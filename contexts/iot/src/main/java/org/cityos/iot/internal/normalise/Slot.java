package org.cityos.iot.internal.normalise;

import java.util.Set;
import org.cityos.iot.DeviceProperty;

/**
 * A declared property prepared for the hot path: its unit resolved and its ENUM values in a set.
 *
 * @param unit the property's unit, or null when it has none or the unit table does not know it
 */
record Slot(DeviceProperty property, Unit unit, Set<String> values) {

    static Slot of(DeviceProperty p) {
        return new Slot(p, Units.find(p.unit()).orElse(null), Set.copyOf(p.values()));
    }

    String name() {
        return property.name();
    }

    boolean inRange(double v) {
        return (property.min() == null || v >= property.min()) && (property.max() == null || v <= property.max());
    }
}
