package org.cityos.iot.web;

import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.VideoChannelDraft;
import org.cityos.iot.VideoChannelStatus;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PointInput;

/**
 * The body of POST/PUT /api/video-channels; coordinates in {@code crs} (WGS84 when absent). On PUT a
 * missing {@code streamUrl} keeps the stored one and {@code version} is required.
 */
public record VideoChannelRequest(
        String gbId,
        String name,
        String department,
        Double lon,
        Double lat,
        String crs,
        String address,
        String status,
        String streamUrl,
        Boolean ptz,
        List<String> tags,
        Integer version) {

    VideoChannelDraft draft() {
        List<FieldIssue> issues = new ArrayList<>();
        VideoChannelStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = VideoChannelStatus.parse(status).orElse(null);
            if (parsed == null) {
                issues.add(new FieldIssue("status", "video.status", status));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInput(issues);
        }
        return new VideoChannelDraft(
                gbId,
                name,
                department,
                PointInput.wgs84(lon, lat, crs),
                address,
                parsed,
                streamUrl,
                Boolean.TRUE.equals(ptz),
                tags);
    }

    Crs shownIn() {
        return VideoParams.crs(crs);
    }
}
