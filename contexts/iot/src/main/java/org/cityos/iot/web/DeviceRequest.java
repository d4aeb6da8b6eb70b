package org.cityos.iot.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cityos.iot.DeviceDraft;
import org.cityos.iot.DeviceMaintainer;
import org.cityos.kernel.DepartmentCode;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PointInput;

/** A device as sent over HTTP: coordinates in {@code crs} (default WGS84), codes as text. */
public record DeviceRequest(
        String type,
        String name,
        String vendor,
        String serial,
        Double lon,
        Double lat,
        String crs,
        String address,
        String department,
        DeviceMaintainer maintainer,
        LocalDate installedOn,
        String state,
        List<String> tags,
        String parent,
        List<String> sharedWith,
        Integer version) {

    DeviceDraft draft() {
        Set<DepartmentCode> shared = new LinkedHashSet<>();
        if (sharedWith != null) {
            for (String s : sharedWith) {
                shared.add(DeviceParams.department("sharedWith", s));
            }
        }
        shared.remove(null);
        return new DeviceDraft(
                DeviceParams.text(type),
                name,
                DeviceParams.text(vendor),
                DeviceParams.text(serial),
                PointInput.wgs84(lon, lat, crs),
                address,
                DeviceParams.department("department", department),
                maintainer,
                installedOn,
                DeviceParams.state("state", state),
                tags,
                DeviceParams.optionalId("parent", parent),
                shared);
    }

    Crs shownIn() {
        return DeviceParams.crs(crs);
    }
}
