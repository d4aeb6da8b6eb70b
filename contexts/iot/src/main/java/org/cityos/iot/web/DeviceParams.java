package org.cityos.iot.web;

import org.cityos.iot.DeviceBox;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceState;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;

/** Parses the parameters the device endpoints share, turning bad values into 400 problems. */
final class DeviceParams {
    private DeviceParams() {}

    static Crs crs(String name) {
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "problem.unknown-crs", String.valueOf(name)));
    }

    static DeviceId id(String id) {
        return DeviceId.parse(id).orElseThrow(() -> InvalidInput.of("id", "problem.device-id", String.valueOf(id)));
    }

    static DeviceId optionalId(String field, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return DeviceId.parse(id).orElseThrow(() -> InvalidInput.of(field, "problem.device-id", id));
    }

    static DeviceState state(String field, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return DeviceState.parse(name).orElseThrow(() -> InvalidInput.of(field, "problem.device-state", name));
    }

    static DivisionCode division(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!DivisionCode.isValid(code.strip())) {
            throw InvalidInput.of("division", "problem.invalid-division-code", code);
        }
        return DivisionCode.of(code.strip());
    }

    static DepartmentCode department(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return DepartmentCode.of(code.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.of(field, "problem.invalid-department-code", code);
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A map zoom, 0 to 22. */
    static int zoom(String zoom) {
        try {
            int z = Integer.parseInt(zoom == null ? "" : zoom.strip());
            if (z >= 0 && z <= 22) {
                return z;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInput.of("zoom", "problem.zoom", String.valueOf(zoom));
    }

    /** {@code west,south,east,north} in WGS 84. */
    static DeviceBox box(String bbox) {
        String[] parts = bbox == null ? new String[0] : bbox.split(",");
        if (parts.length == 4) {
            try {
                return new DeviceBox(
                        Double.parseDouble(parts[0].strip()),
                        Double.parseDouble(parts[1].strip()),
                        Double.parseDouble(parts[2].strip()),
                        Double.parseDouble(parts[3].strip()));
            } catch (IllegalArgumentException e) {
                // not numbers, or not a box: refused below
            }
        }
        throw InvalidInput.of("bbox", "problem.bbox", String.valueOf(bbox));
    }
}
