package org.cityos.simulator.world;

import java.util.List;

/** A device type as the device-type API describes it: what it reports, in which ranges, how often. */
public record DeviceTypeSpec(String code, String domain, boolean gateway, List<PropertySpec> properties) {
    public DeviceTypeSpec {
        properties = List.copyOf(properties);
    }

    /** The shortest reporting interval of any property: how often a device of this type sends something. */
    public int reportingIntervalSeconds() {
        return properties.stream()
                .mapToInt(PropertySpec::reportingIntervalSeconds)
                .min()
                .orElse(3600);
    }

    /**
     * One reported value.
     *
     * @param dataType NUMBER, INTEGER, BOOLEAN, STRING or ENUM
     * @param min lowest valid value, or null
     * @param max highest valid value, or null
     */
    public record PropertySpec(
            String name,
            String unit,
            String dataType,
            Double min,
            Double max,
            List<String> values,
            int reportingIntervalSeconds) {
        public PropertySpec {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public boolean numeric() {
            return dataType.equals("NUMBER") || dataType.equals("INTEGER");
        }
    }
}
