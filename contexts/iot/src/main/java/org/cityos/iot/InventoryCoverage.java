package org.cityos.iot;

import java.util.List;

/**
 * How well a type covers a division: of its child divisions (e.g. the communities of a town), which
 * have at least one device of the type in the field (installed, active or faulty) and which have none.
 */
public record InventoryCoverage(
        String division, String typeCode, int children, int covered, List<Child> withDevices, List<Child> without) {
    public InventoryCoverage {
        withDevices = List.copyOf(withDevices);
        without = List.copyOf(without);
    }

    /** One child division with its device count. */
    public record Child(String code, String name, long devices) {}
}
