package org.cityos.spatial;

import java.util.Optional;
import org.cityos.kernel.GeoPoint;

/**
 * The answer of reverse geocoding: where the point lies (divisions, grid) and the nearest address
 * with its distance. A point outside the district is an answer with {@code inside() == false}.
 *
 * @param point the queried point in the requested CRS
 * @param addressPoint the nearest address's point in the requested CRS, when there is one
 */
public record GeocodedPlace(
        GeoPoint point,
        Crs crs,
        Placement placement,
        Optional<AddressEntry> address,
        Optional<GeoPoint> addressPoint,
        double distanceMetres) {

    public boolean inside() {
        return placement.inside();
    }
}
