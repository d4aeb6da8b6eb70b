package org.cityos.spatial;

import java.util.Map;
import java.util.Set;
import org.cityos.kernel.DepartmentCode;

/**
 * What a layer owner says about a layer: everything but its version, timestamps and contents.
 *
 * @param style free JSON for the map (colour, width, icon…), size-limited
 * @param readers departments besides the owner that may read a RESTRICTED layer
 */
public record LayerDefinition(
        LayerId id,
        String titleZh,
        String titleEn,
        String description,
        DepartmentCode owner,
        LayerGeometryType geometryType,
        Map<String, Object> style,
        LayerUpdateFrequency updateFrequency,
        LayerAccess access,
        Set<DepartmentCode> readers,
        boolean synthetic) {
    public LayerDefinition {
        description = description == null ? "" : description;
        style = style == null ? Map.of() : style;
        readers = readers == null ? Set.of() : Set.copyOf(readers);
    }
}
