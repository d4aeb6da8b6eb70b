package org.cityos.iot;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/**
 * What a caller supplies for a channel; location in WGS84 (convert at the edge), status ONLINE when null.
 *
 * @param department the owner department's code as given (checked against identity's departments)
 * @param streamUrl RTSP, HLS (http/https) or WebRTC address; never with credentials in it
 */
public record VideoChannelDraft(
        String gbId,
        String name,
        String department,
        GeoPoint location,
        String address,
        VideoChannelStatus status,
        String streamUrl,
        boolean ptz,
        List<String> tags) {
    public VideoChannelDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
