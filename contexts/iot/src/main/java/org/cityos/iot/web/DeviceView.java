package org.cityos.iot.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cityos.iot.Device;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;

/** A device as shown over HTTP: coordinates in the asked crs, the maintainer's personal data masked. */
public record DeviceView(
        String id,
        String type,
        String name,
        String vendor,
        String serial,
        double lon,
        double lat,
        String crs,
        String address,
        String division,
        String department,
        Maintainer maintainer,
        LocalDate installedOn,
        String state,
        List<String> tags,
        String parent,
        List<String> sharedWith,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** The maintainer with contact name and phone masked. */
    public record Maintainer(String organisation, String contact, String phone) {}

    static DeviceView of(Device d, Crs crs) {
        GeoPoint shown = crs.fromWgs84(d.location());
        return new DeviceView(
                d.id().value(),
                d.typeCode(),
                d.name(),
                d.vendor(),
                d.serial(),
                shown.lon(),
                shown.lat(),
                crs.name(),
                d.address(),
                d.division().value(),
                d.department().value(),
                new Maintainer(
                        d.maintainer().organisation(),
                        d.maintainer().maskedContact(),
                        d.maintainer().maskedPhone()),
                d.installedOn(),
                d.state().name(),
                d.tags(),
                d.parent() == null ? null : d.parent().value(),
                d.sharedWith().stream().map(Object::toString).sorted().toList(),
                d.version(),
                d.createdAt(),
                d.updatedAt());
    }
}
