package org.cityos.spatial.web;

import java.util.List;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.GeocodedAddress;
import org.cityos.spatial.GeocodedPlace;
import org.cityos.spatial.Placement;
import org.cityos.spatial.StandardAddress;

/** JSON shapes of the geocoding endpoints. */
final class GeocodingView {
    private GeocodingView() {}

    record Parts(
            String district,
            String town,
            String community,
            String road,
            String number,
            String compound,
            String building,
            String unit,
            String room) {
        static Parts of(StandardAddress a) {
            return new Parts(
                    a.district(),
                    a.town(),
                    a.community(),
                    a.road(),
                    a.number(),
                    a.compound(),
                    a.building(),
                    a.unit(),
                    a.room());
        }
    }

    record Address(
            long id,
            String text,
            Parts parts,
            List<String> aliases,
            double lon,
            double lat,
            String crs,
            List<String> divisionPath,
            String grid,
            boolean synthetic) {
        static Address of(AddressEntry e, double lon, double lat, String crs) {
            return new Address(
                    e.id(),
                    e.text(),
                    Parts.of(e.address()),
                    e.aliases(),
                    lon,
                    lat,
                    crs,
                    path(e.divisionCode()),
                    e.gridCode(),
                    e.synthetic());
        }
    }

    record Result(Address address, double confidence) {
        static Result of(GeocodedAddress g) {
            return new Result(
                    Address.of(
                            g.entry(), g.point().lon(), g.point().lat(), g.crs().name()),
                    g.confidence());
        }
    }

    record PlacedDivision(String code, String name, String kind, boolean synthetic) {}

    record Reverse(
            double lon,
            double lat,
            String crs,
            boolean inside,
            List<PlacedDivision> placement,
            String grid,
            Address nearest,
            Double distanceMetres) {
        static Reverse of(GeocodedPlace p) {
            Placement placement = p.placement();
            Address nearest = p.address()
                    .map(e -> Address.of(
                            e,
                            p.addressPoint().orElseThrow().lon(),
                            p.addressPoint().orElseThrow().lat(),
                            p.crs().name()))
                    .orElse(null);
            return new Reverse(
                    p.point().lon(),
                    p.point().lat(),
                    p.crs().name(),
                    p.inside(),
                    placement.path().stream()
                            .map(d -> new PlacedDivision(
                                    d.code().value(), d.name(), d.kind().name(), d.synthetic()))
                            .toList(),
                    placement.grid().map(Object::toString).orElse(null),
                    nearest,
                    nearest == null ? null : p.distanceMetres());
        }
    }

    /** District → town → community codes of a division code: its 6-, 9- and 12-digit prefixes. */
    static List<String> path(String code) {
        if (code == null || code.length() != 12) {
            return List.of();
        }
        List<String> path = new java.util.ArrayList<>();
        path.add(code.substring(0, 6) + "000000");
        if (!code.substring(6, 9).equals("000")) {
            path.add(code.substring(0, 9) + "000");
        }
        if (!code.substring(9, 12).equals("000")) {
            path.add(code);
        }
        return path;
    }
}
