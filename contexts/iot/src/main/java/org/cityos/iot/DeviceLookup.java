package org.cityos.iot;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cityos.iot.internal.ingest.DeviceDirectory;
import org.cityos.iot.persistence.DeviceRepository;

/**
 * Device facts for other contexts' hot paths (the rule engine): a cached look-up by id, and a stream of the
 * devices of a type. No actor: callers are CityOS itself, and they must apply their users' scope themselves.
 */
public class DeviceLookup {
    private final DeviceDirectory directory;
    private final DeviceRepository repository;

    public DeviceLookup(DeviceDirectory directory, DeviceRepository repository) {
        this.directory = directory;
        this.repository = repository;
    }

    public Optional<Device> device(DeviceId id) {
        return directory.device(id);
    }

    /** Every registered device of the type, in id order, streamed. */
    public void ofType(String typeCode, Consumer<Device> each) {
        repository.forEach(
                new DeviceFilter(typeCode, null, null, null, null, null),
                new DeviceScope(true, List.of(), List.of()),
                each);
    }
}
