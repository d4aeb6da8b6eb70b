package org.cityos.iot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;

/**
 * A registered device: what it is, where (WGS84 point, address, and the deepest division — grid where
 * grids exist — containing it), who owns and maintains it, where it stands in its life.
 */
public record Device(
        DeviceId id,
        String typeCode,
        String name,
        String vendor,
        String serial,
        GeoPoint location,
        String address,
        DivisionCode division,
        DepartmentCode department,
        DeviceMaintainer maintainer,
        LocalDate installedOn,
        DeviceState state,
        List<String> tags,
        DeviceId parent,
        Set<DepartmentCode> sharedWith,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public Device {
        tags = List.copyOf(tags);
        sharedWith = Set.copyOf(sharedWith);
    }
}
