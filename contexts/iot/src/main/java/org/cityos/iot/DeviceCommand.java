package org.cityos.iot;

import java.util.List;

/** A command a device type accepts, with its typed parameters. */
public record DeviceCommand(String name, List<Parameter> parameters) {
    public DeviceCommand {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** One parameter of a command; ranges apply to numbers, values to ENUMs. */
    public record Parameter(
            String name, DeviceDataType dataType, Double min, Double max, List<String> values, boolean required) {
        public Parameter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
