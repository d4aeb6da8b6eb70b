package org.cityos.iot;

import java.util.List;

/**
 * One value a device type reports: its unit, data type, the range a valid reading lies in, how often a
 * healthy device reports it, and which attribute of the type's Smart Data Model it becomes.
 *
 * @param min lowest valid value (numbers only; null = open)
 * @param max highest valid value (numbers only; null = open)
 * @param values the allowed values of an ENUM
 * @param reportingIntervalSeconds how often a healthy device reports this value
 * @param modelAttribute the Smart Data Model attribute this property maps to, or null
 */
public record DeviceProperty(
        String name,
        String unit,
        DeviceDataType dataType,
        Double min,
        Double max,
        List<String> values,
        int reportingIntervalSeconds,
        String modelAttribute) {

    public DeviceProperty {
        unit = unit == null ? "" : unit;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
