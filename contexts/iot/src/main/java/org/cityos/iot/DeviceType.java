package org.cityos.iot;

import java.util.List;
import java.util.Optional;

/**
 * A kind of device, defined as data: what it reports, which commands it accepts, its management class
 * (GB/T 30428 component class) and the FIWARE Smart Data Model its readings map to.
 *
 * @param gateway whether devices of this type may be the parent gateway of other devices
 * @param builtin whether the type came with the seeded catalogue (it may still be changed)
 */
public record DeviceType(
        String code,
        String nameZh,
        String nameEn,
        String domain,
        String componentClass,
        String smartDataModel,
        boolean gateway,
        List<DeviceProperty> properties,
        List<DeviceCommand> commands,
        boolean builtin,
        int version) {

    public DeviceType {
        properties = List.copyOf(properties);
        commands = List.copyOf(commands);
    }

    public Optional<DeviceProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<DeviceCommand> command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
