package org.cityos.alerting.internal.engine;

import java.util.Optional;
import java.util.function.Consumer;

/** The engine's port to the device registry (iot): devices by id, devices of a type, device types. */
public interface DeviceCatalog {
    Optional<DeviceFacts> device(String id);

    void ofType(String typeCode, Consumer<DeviceFacts> each);

    Optional<TypeFacts> type(String code);
}
