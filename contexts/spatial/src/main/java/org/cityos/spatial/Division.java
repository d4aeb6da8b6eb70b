package org.cityos.spatial;

import java.time.Instant;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.DivisionLevel;

/** One node of the division tree. {@code synthetic} marks generated demo divisions wherever they are shown. */
public record Division(
        DivisionCode code,
        DivisionCode parentCode,
        DivisionKind kind,
        String name,
        boolean synthetic,
        String source,
        int version,
        Instant updatedAt) {

    public DivisionLevel level() {
        return code.level();
    }
}
