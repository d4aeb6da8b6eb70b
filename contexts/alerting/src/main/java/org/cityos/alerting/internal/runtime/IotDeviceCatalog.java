package org.cityos.alerting.internal.runtime;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Consumer;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.DeviceFacts;
import org.cityos.alerting.internal.engine.TypeFacts;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceLookup;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceType;
import org.cityos.iot.DeviceTypes;

/** The engine's device catalogue over iot's public look-ups. */
public final class IotDeviceCatalog implements DeviceCatalog {
    private final DeviceLookup devices;
    private final DeviceTypes types;

    public IotDeviceCatalog(DeviceLookup devices, DeviceTypes types) {
        this.devices = devices;
        this.types = types;
    }

    @Override
    public Optional<DeviceFacts> device(String id) {
        return DeviceId.parse(id).flatMap(devices::device).map(IotDeviceCatalog::facts);
    }

    @Override
    public void ofType(String typeCode, Consumer<DeviceFacts> each) {
        devices.ofType(typeCode, d -> each.accept(facts(d)));
    }

    @Override
    public Optional<TypeFacts> type(String code) {
        return types.find(code).map(IotDeviceCatalog::facts);
    }

    static DeviceFacts facts(Device d) {
        return new DeviceFacts(
                d.id().value(),
                d.typeCode(),
                d.division() == null ? null : d.division().value(),
                d.department() == null ? null : d.department().value(),
                d.tags(),
                d.location());
    }

    static TypeFacts facts(DeviceType t) {
        LinkedHashMap<String, VarType> p = new LinkedHashMap<>();
        for (DeviceProperty property : t.properties()) {
            p.put(
                    property.name(),
                    switch (property.dataType()) {
                        case BOOLEAN -> VarType.BOOL;
                        case STRING, ENUM -> VarType.TEXT;
                        default -> VarType.NUMBER;
                    });
        }
        return new TypeFacts(t.code(), p);
    }
}
