package org.cityos.spatial;

import org.cityos.kernel.DivisionCode;

/**
 * Narrows a POI query: a class code and/or a division (the POIs whose assigned division or grid
 * lies in it); {@code null} means any. The caller's scope always applies on top.
 */
public record PoiFilter(String classCode, DivisionCode division) {
    public static PoiFilter any() {
        return new PoiFilter(null, null);
    }
}
