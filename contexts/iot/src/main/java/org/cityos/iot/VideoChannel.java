package org.cityos.iot;

import java.time.Instant;
import java.util.List;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;

/**
 * A catalogued video channel. {@code division} is the community (or town) and {@code grid} the grid
 * containing the location; {@code streamUrl} is only ever handed out through {@link ChannelAccess}
 * or to callers allowed to view the channel.
 */
public record VideoChannel(
        VideoChannelId id,
        String gbId,
        String typeCode,
        String name,
        DepartmentCode department,
        GeoPoint location,
        String address,
        DivisionCode division,
        DivisionCode grid,
        VideoChannelStatus status,
        Instant statusChangedAt,
        String streamUrl,
        boolean ptz,
        List<String> tags,
        boolean synthetic,
        String source,
        int version,
        Instant createdAt,
        Instant updatedAt) {
    public VideoChannel {
        tags = List.copyOf(tags);
    }

    /** The same channel with its stream address withheld: catalogue reads never reveal it. */
    public VideoChannel withoutStream() {
        return new VideoChannel(
                id,
                gbId,
                typeCode,
                name,
                department,
                location,
                address,
                division,
                grid,
                status,
                statusChangedAt,
                null,
                ptz,
                tags,
                synthetic,
                source,
                version,
                createdAt,
                updatedAt);
    }

    /** The smallest division the channel lies in: its scope checks and division filters use this. */
    public DivisionCode place() {
        return grid != null ? grid : division;
    }
}
