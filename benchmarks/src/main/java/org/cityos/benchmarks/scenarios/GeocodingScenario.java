package org.cityos.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.benchmarks.spatial.TopOneTally;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Crs;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.GeocodedAddress;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.GeocodingNoise;
import org.cityos.spatial.GeocodingNoise.NoisyQuery;
import org.cityos.spatial.RoadNetwork;
import org.cityos.spatial.internal.PlaceIndex;

/**
 * Forward geocoding in process, at seed scale: the synthetic gazetteer generated as CityOS seeds it
 * (roads over the reference outline, addresses placed by the real place index), an in-memory
 * {@link Geocoder} over it, and noisy queries written by {@link GeocodingNoise} (the fixed
 * mix of mistakes) from a seeded sample of the addresses. One thread measures throughput, latency and
 * top-1 accuracy; the baseline is parsing the same texts alone; a two-thread run shows the scaling.
 */
public final class GeocodingScenario {
    /** The gazetteer seed CityOS uses by default (cityos.spatial.gazetteer.seed). */
    static final long GAZETTEER_SEED = 20261124L;

    static final long NOISE_SEED = 11L;
    static final long SAMPLE_SEED = 13L;
    /** The geocoding endpoint's default number of answers. */
    static final int LIMIT = 5;
    /** Loops end by count; this bound only stops a hung run. */
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private GeocodingScenario() {}

    /**
     * @param addresses gazetteer size (seed scale 180,000)
     * @param queries measured queries
     * @param warmups unmeasured queries before, drawn after the measured ones (other texts); the
     *     first 10,000 queries of a fresh JVM run several times slower than the rest (JIT), so the
     *     warm-up is twice the measured count
     */
    record Sizes(int addresses, int queries, int warmups) {
        static Sizes of(Mode mode) {
            return mode.isFull() ? new Sizes(180_000, 10_000, 20_000) : new Sizes(20_000, 1_000, 1_000);
        }
    }

    public static List<Row> run(Mode mode, ReferenceDistrict district) {
        Sizes sizes = Sizes.of(mode);
        long began = System.nanoTime();
        PlaceIndex places = district.placeIndex();
        RoadNetwork network = RoadNetwork.generate(GAZETTEER_SEED, district.outline(), ReferenceDistrict.roadSeats());
        List<AddressEntry> entries = Gazetteer.synthesize(
                GAZETTEER_SEED, network, sizes.addresses(), places::locate, ReferenceDistrict.DISTRICT_NAME);
        Geocoder geocoder = Geocoder.inMemory(entries, district.vocabulary(), places::locate);
        double built = (System.nanoTime() - began) / 1e9;
        if (geocoder.size() == 0) {
            throw new IllegalStateException("the gazetteer is empty: no address was generated");
        }
        List<NoisyQuery> all = queries(entries, sizes.queries() + sizes.warmups());
        List<NoisyQuery> measured = all.subList(0, sizes.queries());
        List<NoisyQuery> warmup = all.subList(sizes.queries(), all.size());
        System.out.printf(
                "geocoding: %d roads, %d addresses, index built in %s%n",
                network.roads().size(), geocoder.size(), Numbers.seconds(built));

        LoadResult cold = geocode(geocoder, 1, warmup, (q, top) -> {});
        parse(geocoder, warmup);
        AddressEntry[] tops = new AddressEntry[measured.size()];
        LoadResult single = geocode(geocoder, 1, measured, (q, top) -> tops[q] = top);
        LoadResult parseOnly = parse(geocoder, measured);
        LoadResult pair = geocode(geocoder, 2, measured, (q, top) -> {});

        TopOneTally tally = new TopOneTally(10);
        for (int i = 0; i < measured.size(); i++) {
            tally.add(measured.get(i), tops[i]);
        }
        tally.misses().forEach(m -> System.out.println("  geocoding miss: " + m));

        String scale = Numbers.figure(geocoder.size()) + " addresses, " + Numbers.figure(measured.size())
                + " noisy queries (GeocodingNoise seed " + NOISE_SEED + "), limit " + LIMIT;
        return List.of(
                new Row(
                        "geocoding: Geocoder.geocode on noisy queries, in process, 1 thread",
                        single.perSecond(),
                        "queries/s",
                        "parse only (Geocoder.parse), same queries, 1 thread (queries/s)",
                        parseOnly.perSecond(),
                        Numbers.percentiles95(single.latencyMicros()) + "; " + scale
                                + "; target ≥ 1,000/s, p95 ≤ 20 ms; after " + Numbers.figure(warmup.size())
                                + " warm-up queries answered at " + Numbers.figure(cold.perSecond())
                                + "/s from cold; gazetteer + index built in " + Numbers.seconds(built)
                                + single.errorNote()),
                new Row(
                        "geocoding: Geocoder.geocode on noisy queries, in process, 2 threads",
                        pair.perSecond(),
                        "queries/s",
                        "the same on 1 thread (queries/s)",
                        single.perSecond(),
                        Numbers.percentiles95(pair.latencyMicros()) + pair.errorNote()),
                new Row(
                        "geocoding top-1 accuracy (lenient: the written address, or one agreeing on every part"
                                + " a query that left out the unit/building still gives)",
                        tally.accuracy(),
                        "share of queries",
                        "the target, 0.95",
                        0.95,
                        "strict (same address id) " + Numbers.figure(tally.strictAccuracy()) + "; "
                                + Numbers.figure(tally.missed()) + " missed; "
                                + Numbers.figure(tally.partDropped()) + " queries left out the unit/building; "
                                + scale));
    }

    /** Noisy texts of a seeded sample of the gazetteer (addresses may repeat, as real queries do). */
    static List<NoisyQuery> queries(List<AddressEntry> entries, int count) {
        GeocodingNoise noise = new GeocodingNoise(NOISE_SEED, ReferenceDistrict.CITY_NAME);
        SplittableRandom pick = new SplittableRandom(SAMPLE_SEED);
        List<NoisyQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(noise.write(entries.get(pick.nextInt(entries.size()))));
        }
        return queries;
    }

    /** What to do with a query's top answer (index into the query list, answer or null). */
    @FunctionalInterface
    private interface Answered {
        void accept(int query, AddressEntry top);
    }

    private static LoadResult geocode(Geocoder geocoder, int threads, List<NoisyQuery> queries, Answered answered) {
        LoadResult result = ClosedLoop.run(threads, AT_MOST, queries.size(), (thread, seq) -> {
            int i = (int) (seq - 1);
            List<GeocodedAddress> found = geocoder.geocode(queries.get(i).text(), LIMIT, Crs.WGS84);
            answered.accept(i, found.isEmpty() ? null : found.get(0).entry());
        });
        Scenarios.requireSuccess("geocoding", result);
        return result;
    }

    private static LoadResult parse(Geocoder geocoder, List<NoisyQuery> queries) {
        LoadResult result = ClosedLoop.run(
                1,
                AT_MOST,
                queries.size(),
                (thread, seq) -> geocoder.parse(queries.get((int) (seq - 1)).text()));
        Scenarios.requireSuccess("address parsing", result);
        return result;
    }
}
