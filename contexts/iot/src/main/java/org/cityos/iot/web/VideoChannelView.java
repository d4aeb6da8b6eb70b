package org.cityos.iot.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.cityos.iot.VideoChannel;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;

/**
 * A channel as the catalogue shows it: never the stream address (open a session for that, which is
 * logged), but whether the caller may open it and over which protocol.
 */
public record VideoChannelView(
        String id,
        String gbId,
        String typeCode,
        String name,
        String department,
        double lon,
        double lat,
        String crs,
        String address,
        String division,
        String grid,
        String status,
        Instant statusChangedAt,
        boolean ptz,
        List<String> tags,
        boolean synthetic,
        boolean viewable,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static VideoChannelView of(VideoChannel c, Crs crs, boolean viewable) {
        GeoPoint p = crs.fromWgs84(c.location());
        return new VideoChannelView(
                c.id().toString(),
                c.gbId(),
                c.typeCode(),
                c.name(),
                c.department().value(),
                p.lon(),
                p.lat(),
                crs.name().toLowerCase(Locale.ROOT),
                c.address(),
                c.division().value(),
                c.grid() == null ? null : c.grid().value(),
                c.status().name(),
                c.statusChangedAt(),
                c.ptz(),
                c.tags(),
                c.synthetic(),
                viewable,
                c.version(),
                c.createdAt(),
                c.updatedAt());
    }
}
