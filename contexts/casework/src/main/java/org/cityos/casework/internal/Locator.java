package org.cityos.casework.internal;

import java.util.List;
import org.cityos.casework.CaseProblems;
import org.cityos.casework.persistence.CaseRow;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.cityos.spatial.GeocodedAddress;
import org.cityos.spatial.GeocodedPlace;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.Placement;

/**
 * Where a case is: an address is geocoded to a point, a point is reverse-geocoded to its nearest address, and the
 * point places the case in its town, community and grid. A point outside the district is refused.
 */
public final class Locator {
    private final Geocoder geocoder;
    private final double minConfidence;

    public Locator(Geocoder geocoder, double minConfidence) {
        this.geocoder = geocoder;
        this.minConfidence = minConfidence;
    }

    public void locate(CaseRow row, String address, GeoPoint point) {
        row.address = TextRules.clean(address);
        GeoPoint at = point;
        if (at == null && row.address != null) {
            List<GeocodedAddress> hits = geocoder.geocode(row.address, 1, Crs.WGS84);
            if (!hits.isEmpty() && hits.get(0).confidence() >= minConfidence) {
                at = hits.get(0).point();
            }
        }
        if (at == null) {
            return;
        }
        GeocodedPlace place = geocoder.reverse(at.lon(), at.lat(), Crs.WGS84);
        if (!place.inside()) {
            throw new CaseProblems.OutsideDistrict(at.lon(), at.lat());
        }
        Placement placement = place.placement();
        row.lon = at.lon();
        row.lat = at.lat();
        row.townCode = placement.town().map(Object::toString).orElse(null);
        row.communityCode = placement.community().map(Object::toString).orElse(null);
        row.gridCode = placement.grid().map(Object::toString).orElse(null);
        row.divisionCode = placement.deepest().map(Object::toString).orElse(null);
        if (row.address == null) {
            row.address = place.address().map(a -> a.text()).orElse(null);
        }
    }
}
