package org.cityos.iot.web;

import org.cityos.iot.VideoChannelFilter;
import org.cityos.iot.VideoChannelId;
import org.cityos.iot.VideoChannelStatus;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;

/** Parses the parameters the video endpoints share, turning bad values into 400 problems. */
final class VideoParams {
    private VideoParams() {}

    static Crs crs(String name) {
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "video.unknown-crs", String.valueOf(name)));
    }

    static VideoChannelId id(String id) {
        return VideoChannelId.parse(id).orElseThrow(() -> InvalidInput.of("id", "video.channel-id", id));
    }

    static DepartmentCode department(String field, String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInput.of(field, "validation.required");
        }
        try {
            return DepartmentCode.of(code.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.of(field, "problem.invalid-department-code", code);
        }
    }

    static VideoChannelFilter filter(String division, String department, String status, String type, String q) {
        DivisionCode d = null;
        if (division != null && !division.isBlank()) {
            if (!DivisionCode.isValid(division.strip())) {
                throw InvalidInput.of("division", "problem.invalid-division-code", division);
            }
            d = DivisionCode.of(division.strip());
        }
        DepartmentCode dept = department == null || department.isBlank() ? null : department("department", department);
        VideoChannelStatus s = null;
        if (status != null && !status.isBlank()) {
            s = VideoChannelStatus.parse(status).orElseThrow(() -> InvalidInput.of("status", "video.status", status));
        }
        String t = null;
        if (type != null && !type.isBlank()) {
            if (!type.strip().matches("\\d{3}")) {
                throw InvalidInput.of("type", "video.type-code", type);
            }
            t = type.strip();
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 100) {
            throw InvalidInput.of("q", "validation.too-long", 100);
        }
        return new VideoChannelFilter(d, dept, s, t, text);
    }
}
