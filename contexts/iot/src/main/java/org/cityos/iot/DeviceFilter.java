package org.cityos.iot;

import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;

/** What a device list is narrowed to; null fields do not narrow. {@code q} matches the name's start, serial or id. */
public record DeviceFilter(
        String typeCode, DeviceState state, DivisionCode division, DepartmentCode department, String tag, String q) {
    public static DeviceFilter all() {
        return new DeviceFilter(null, null, null, null, null, null);
    }
}
