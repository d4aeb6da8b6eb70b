package org.cityos.spatial;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.internal.geocoding.AddressIndex;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Address text → ranked addresses with points, and point → nearest address and divisions, answered
 * from an in-memory index of the gazetteer (no database round trip). The index is swapped whole by
 * {@link Gazetteer#reload()}; readers never see a half-built one. No access checks here: the web
 * layer checks, and other contexts may geocode what they already hold.
 */
@Service
public class Geocoder {
    public static final int MAX_TEXT = 200;
    public static final int MAX_LIMIT = 20;
    /** Farther than this, a point has no nearest address worth naming. */
    public static final double MAX_REVERSE_METRES = 2000;
    /** Where coordinates are plausible before any address is loaded (China). */
    private static final Envelope DEFAULT_EXTENT = new Envelope(73, 136, 3, 54);

    private final Function<GeoPoint, Placement> placer;
    private final AtomicReference<Loaded> loaded;

    private record Loaded(AddressIndex index, Envelope extent) {}

    @Autowired
    public Geocoder(Places places) {
        this(places::locate);
    }

    public Geocoder(Function<GeoPoint, Placement> placer) {
        this.placer = placer;
        this.loaded = new AtomicReference<>(new Loaded(
                new AddressIndex(List.of(), new AddressVocabulary(List.of(), null, List.of(), List.of())),
                DEFAULT_EXTENT));
    }

    /** A geocoder over the given entries only, for tools and benchmarks that have no database. */
    public static Geocoder inMemory(
            List<AddressEntry> entries, AddressVocabulary vocabulary, Function<GeoPoint, Placement> placer) {
        Geocoder geocoder = new Geocoder(placer);
        geocoder.use(entries, vocabulary);
        return geocoder;
    }

    /** Builds a new index and swaps it in. */
    void use(List<AddressEntry> entries, AddressVocabulary vocabulary) {
        Envelope extent = new Envelope();
        entries.forEach(e -> extent.expandToInclude(e.point().lon(), e.point().lat()));
        if (extent.isNull()) {
            extent.expandToInclude(DEFAULT_EXTENT);
        } else {
            extent.expandBy(0.5);
        }
        loaded.set(new Loaded(new AddressIndex(entries, vocabulary), extent));
    }

    public int size() {
        return loaded.get().index().size();
    }

    public List<GeocodedAddress> geocode(String text, int limit, Crs crs) {
        checkText("q", text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_LIMIT);
        }
        return loaded.get().index().search(text, limit).stream()
                .map(s -> new GeocodedAddress(s.entry(), crs.fromWgs84(s.entry().point()), crs, round(s.confidence())))
                .toList();
    }

    public StandardAddress parse(String text) {
        checkText("text", text);
        return loaded.get().index().parse(text);
    }

    /**
     * The place at a point given in {@code crs}. Coordinates outside their ranges are rejected; a pair
     * that only makes sense the other way round is reported as swapped, with the corrected pair.
     */
    public GeocodedPlace reverse(double lon, double lat, Crs crs) {
        Envelope extent = loaded.get().extent();
        if (Double.isFinite(lon) && Double.isFinite(lat) && !extent.contains(lon, lat) && extent.contains(lat, lon)) {
            throw new CoordinatesSwapped(lon, lat);
        }
        GeoPoint given = new GeoPoint(lon, lat);
        GeoPoint wgs84 = crs.toWgs84(given);
        Placement placement = placer.apply(wgs84);
        Optional<AddressIndex.Nearest> nearest =
                loaded.get().index().nearest(wgs84).filter(n -> n.metres() <= MAX_REVERSE_METRES);
        return new GeocodedPlace(
                given,
                crs,
                placement,
                nearest.map(AddressIndex.Nearest::entry),
                nearest.map(n -> crs.fromWgs84(n.entry().point())),
                nearest.map(n -> Math.round(n.metres() * 10) / 10.0).orElse(-1.0));
    }

    private static void checkText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "validation.required");
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidInput.of(field, "validation.too-long", MAX_TEXT);
        }
        if (text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            throw InvalidInput.of(field, "problem.control-characters");
        }
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
