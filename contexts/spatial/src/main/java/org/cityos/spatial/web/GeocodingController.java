package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.cityos.spatial.Geocoder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forward and reverse geocoding and address parsing over HTTP; reading needs DIVISION_READ. */
@RestController
public class GeocodingController {
    private final Geocoder geocoder;

    public GeocodingController(Geocoder geocoder) {
        this.geocoder = geocoder;
    }

    @GetMapping(path = "/api/geocode", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<GeocodingView.Result> geocode(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String crs) {
        actor.require(Permission.DIVISION_READ);
        Crs parsedCrs = crs(crs);
        return geocoder.geocode(q, limit(limit), parsedCrs).stream()
                .map(GeocodingView.Result::of)
                .toList();
    }

    @GetMapping(path = "/api/geocode/reverse", produces = MediaType.APPLICATION_JSON_VALUE)
    public GeocodingView.Reverse reverse(
            Actor actor,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String crs) {
        actor.require(Permission.DIVISION_READ);
        Crs parsedCrs = crs(crs);
        return GeocodingView.Reverse.of(geocoder.reverse(coordinate("lon", lon), coordinate("lat", lat), parsedCrs));
    }

    @GetMapping(path = "/api/addresses/parse", produces = MediaType.APPLICATION_JSON_VALUE)
    public GeocodingView.Parts parse(Actor actor, @RequestParam(required = false) String text) {
        actor.require(Permission.DIVISION_READ);
        return GeocodingView.Parts.of(geocoder.parse(text));
    }

    private static Crs crs(String name) {
        if (name != null && name.length() > 20) {
            throw InvalidInput.of("crs", "validation.too-long", 20);
        }
        return Crs.parse(name).orElseThrow(() -> InvalidInput.of("crs", "problem.unknown-crs", name));
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 5;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("limit", "validation.range", 1, Geocoder.MAX_LIMIT);
        }
    }

    private static double coordinate(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "validation.required");
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw InvalidInput.of(
                        field, "validation.range", field.equals("lon") ? -180 : -90, field.equals("lon") ? 180 : 90);
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidInput.of(
                    field, "validation.range", field.equals("lon") ? -180 : -90, field.equals("lon") ? 180 : 90);
        }
    }
}
