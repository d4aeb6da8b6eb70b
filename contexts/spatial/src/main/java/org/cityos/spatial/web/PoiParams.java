package org.cityos.spatial.web;

import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.PoiId;

/** Parses the query parameters the POI endpoints share, turning bad values into 400 problems. */
final class PoiParams {
    private PoiParams() {}

    static Crs crs(String name) {
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "problem.poi-crs", String.valueOf(name)));
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

    static String classCode(String code) {
        return code == null || code.isBlank() ? null : code.strip();
    }

    static PoiId id(String id) {
        return PoiId.parse(id).orElseThrow(() -> InvalidInput.of("id", "problem.poi-id", id));
    }
}
