package org.cityos.spatial.web;

import java.time.Instant;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiHit;

/** A POI as the API shows it: coordinates in the requested CRS, division and grid by code. */
public record PoiView(
        String id,
        String classCode,
        String name,
        double lon,
        double lat,
        String crs,
        String division,
        String grid,
        String address,
        String phone,
        Map<String, Object> attributes,
        String externalId,
        boolean synthetic,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Double distanceM) {

    public static PoiView of(Poi p, Crs crs) {
        return of(p, crs, null);
    }

    public static PoiView of(PoiHit hit, Crs crs) {
        return of(hit.poi(), crs, Math.round(hit.distanceM() * 10) / 10.0);
    }

    /** Seven decimals are about a centimetre; more only shows the noise of datum conversions. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    private static PoiView of(Poi p, Crs crs, Double distanceM) {
        GeoPoint shown = crs.fromWgs84(p.location());
        return new PoiView(
                p.id().toString(),
                p.classCode(),
                p.name(),
                round(shown.lon()),
                round(shown.lat()),
                crs.name(),
                p.division().value(),
                p.grid() == null ? null : p.grid().value(),
                p.address(),
                p.phone(),
                p.attributes(),
                p.externalId(),
                p.synthetic(),
                p.version(),
                p.createdAt(),
                p.updatedAt(),
                distanceM);
    }
}
