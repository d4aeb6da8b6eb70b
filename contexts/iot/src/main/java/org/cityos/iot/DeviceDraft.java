package org.cityos.iot;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.GeoPoint;

/**
 * A device as a caller registers or changes it; the location is WGS84 (convert at the edge). The
 * division is not given: it is resolved from the location. {@code state} is only read on registration
 * (default PLANNED); afterwards the state moves by transitions only.
 */
public record DeviceDraft(
        String typeCode,
        String name,
        String vendor,
        String serial,
        GeoPoint location,
        String address,
        DepartmentCode department,
        DeviceMaintainer maintainer,
        LocalDate installedOn,
        DeviceState state,
        List<String> tags,
        DeviceId parent,
        Set<DepartmentCode> sharedWith) {

    public DeviceDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
        maintainer = maintainer == null ? new DeviceMaintainer(null, null, null) : maintainer;
    }
}
