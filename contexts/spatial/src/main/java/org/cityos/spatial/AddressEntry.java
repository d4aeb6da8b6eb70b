package org.cityos.spatial;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/**
 * One address of the gazetteer: its parts, its WGS84 point, the road it is numbered along and the
 * divisions it lies in ({@code divisionCode} is the deepest division above the grid).
 *
 * @param aliases other texts under which people know the same door (e.g. the compound name without the road)
 */
public record AddressEntry(
        long id,
        StandardAddress address,
        GeoPoint point,
        long roadId,
        String townCode,
        String divisionCode,
        String gridCode,
        boolean synthetic,
        List<String> aliases) {
    public AddressEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public String text() {
        return address.text();
    }
}
