package org.cityos.iot;

import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;

/** Which channels to list; every criterion is optional and they combine with AND. */
public record VideoChannelFilter(
        DivisionCode division, DepartmentCode department, VideoChannelStatus status, String typeCode, String q) {
    public static VideoChannelFilter all() {
        return new VideoChannelFilter(null, null, null, null, null);
    }
}
