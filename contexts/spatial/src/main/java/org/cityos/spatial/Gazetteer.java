package org.cityos.spatial;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.GeocodingProblems.GazetteerNotEmpty;
import org.cityos.spatial.internal.geocoding.AddressGenerator;
import org.cityos.spatial.persistence.AddressRepository;
import org.cityos.spatial.persistence.RoadRepository;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's roads and addresses: seeds a synthetic network and gazetteer into empty tables and
 * (re)loads the geocoder's in-memory index from the stored addresses.
 */
@Service
public class Gazetteer {
    public static final int MAX_ADDRESSES = 2_000_000;
    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);
    private static final String SOURCE = "synthetic";

    private final RoadRepository roads;
    private final AddressRepository addresses;
    private final Geocoder geocoder;
    private final Divisions divisions;
    private final SpatialProperties spatial;
    private final GazetteerProperties properties;
    private final ResourceLoader resources;
    private final AuditTrail audit;
    private final Clock clock;

    public Gazetteer(
            RoadRepository roads,
            AddressRepository addresses,
            Geocoder geocoder,
            Divisions divisions,
            SpatialProperties spatial,
            GazetteerProperties properties,
            ResourceLoader resources,
            AuditTrail audit,
            Clock clock) {
        this.roads = roads;
        this.addresses = addresses;
        this.geocoder = geocoder;
        this.divisions = divisions;
        this.spatial = spatial;
        this.properties = properties;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    /** True when no road and no address is stored yet. */
    public boolean isEmpty() {
        return roads.count() + addresses.count() == 0;
    }

    /**
     * Generates roads and {@code count} addresses into empty tables, placing every address with
     * {@code placer} (in production {@code Places::locate}). Call {@link #reload()} afterwards.
     */
    @Transactional
    public GazetteerReport seed(long seed, int count, Function<GeoPoint, Placement> placer) {
        if (count < 0 || count > MAX_ADDRESSES) {
            throw InvalidInput.of("addresses", "problem.gazetteer-size", 0, MAX_ADDRESSES);
        }
        long existing = roads.count() + addresses.count();
        if (existing > 0) {
            throw new GazetteerNotEmpty(existing);
        }
        long started = System.nanoTime();
        RoadNetwork network = RoadNetwork.generate(seed, outline(), seats());
        List<AddressEntry> entries = synthesize(seed, network, count, placer, spatial.districtName());
        Instant now = clock.instant();
        roads.insertAll(network.roads(), SOURCE, now);
        addresses.insertAll(entries, now);
        long millis = (System.nanoTime() - started) / 1_000_000;
        audit.record(
                Actor.system("gazetteer"),
                "spatial.gazetteer.seed",
                "gazetteer",
                spatial.districtCode(),
                Map.of("seed", seed, "roads", network.roads().size(), "addresses", entries.size()));
        log.info(
                "Seeded synthetic gazetteer: {} roads, {} addresses in {} ms",
                network.roads().size(),
                entries.size(),
                millis);
        return new GazetteerReport(network.roads().size(), entries.size(), millis);
    }

    /** Addresses numbered along a network, pure and deterministic (for tools, tests and benchmarks). */
    public static List<AddressEntry> synthesize(
            long seed, RoadNetwork network, int count, Function<GeoPoint, Placement> placer, String districtName) {
        return AddressGenerator.generate(seed, network.roads(), count, placer, districtName);
    }

    /** Rebuilds the geocoder's index from the stored addresses and the current division names. */
    public int reload() {
        List<AddressEntry> all = addresses.all();
        geocoder.use(all, vocabulary());
        log.info("Geocoder index built over {} addresses", all.size());
        return all.size();
    }

    public List<Road> roads() {
        return roads.all();
    }

    /** The names the parser knows: the configured city, the district, its towns and communities. */
    public AddressVocabulary vocabulary() {
        DivisionCode district = DivisionCode.of(spatial.districtCode());
        List<String> towns = new ArrayList<>();
        List<String> communities = new ArrayList<>();
        for (Division town : divisions.children(district)) {
            towns.add(town.name());
            divisions.children(town.code()).forEach(c -> communities.add(c.name()));
        }
        return new AddressVocabulary(List.of(properties.cityName()), spatial.districtName(), towns, communities);
    }

    private Geometry outline() {
        try (InputStream in = resources.getResource(spatial.districtOutline()).getInputStream()) {
            return readOutline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RoadSeat> seats() {
        try (InputStream in = resources.getResource(spatial.townSeats()).getInputStream()) {
            return RoadSeat.readCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The (multi)polygon of a GeoJSON geometry, feature or feature collection. */
    public static Geometry readOutline(String geoJson) {
        // The same reading as the partition's, so roads and divisions share one outline.
        try {
            return org.cityos.spatial.internal.partition.ReferenceShapes.outline(
                    new java.io.ByteArrayInputStream(geoJson.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("outline is not GeoJSON", e);
        }
    }
}
