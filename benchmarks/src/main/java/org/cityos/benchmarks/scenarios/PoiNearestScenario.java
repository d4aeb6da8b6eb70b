package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;
import org.cityos.benchmarks.spatial.NearestScan;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.benchmarks.spatial.SamplePoints;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.cityos.postgres.EmbeddedPostgresServer;
import org.cityos.spatial.Places;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiDraft;
import org.cityos.spatial.PoiHit;
import org.cityos.spatial.PoiId;
import org.cityos.spatial.PoiProperties;
import org.cityos.spatial.PoiSearch;
import org.cityos.spatial.SyntheticPois;
import org.cityos.spatial.internal.poi.LocalProjection;
import org.cityos.spatial.internal.poi.PoiNames;
import org.cityos.spatial.internal.poi.PoiPlacer;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.cityos.spatial.persistence.PoiClassRepository;
import org.cityos.spatial.persistence.PoiRepository;
import org.cityos.testkit.FreePorts;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POI nearest-k in a real embedded PostgreSQL: synthetic POIs placed as {@code Pois.placeAll} places
 * them (division and grid from the place index) and stored with their projected {@code point} for the
 * GiST KNN scan, then {@link PoiSearch#nearest} (k = 10, system actor, no scope filter) from seeded
 * points, on one and on four threads. Baseline: the exact k nearest by brute force over the same points
 * in Java, per query.
 */
public final class PoiNearestScenario {
    static final long POI_SEED = 20261124L;
    static final long POINT_SEED = 29L;
    static final int K = 10;
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private PoiNearestScenario() {}

    /** POIs stored, queries measured per run, queries of the brute-force baseline (it is slow). */
    record Sizes(int pois, int queries, int scans) {
        static Sizes of(Mode mode) {
            return mode.isFull() ? new Sizes(56_000, 10_000, 1_000) : new Sizes(5_000, 500, 100);
        }
    }

    /** Runs with its PostgreSQL data under {@code work} (the suite's temporary directory). */
    public static List<Row> run(Mode mode, ReferenceDistrict district, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        Path dir = Files.createDirectories(work.resolve("poi-postgres"));
        EmbeddedPostgresServer server = Cleanup.register(EmbeddedPostgresServer.start(dir, FreePorts.next(), false));
        String url = server.jdbcUrl("postgres");
        // Pooled as in the app (Hikari): a new PostgreSQL connection per query would cost more than the query.
        HikariDataSource db = Cleanup.register(new HikariDataSource());
        try {
            Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            db.setJdbcUrl(url);
            db.setUsername("postgres");
            db.setMaximumPoolSize(8);
            JdbcClient jdbc = JdbcClient.create(db);
            PoiRepository repository = new PoiRepository(jdbc, db);
            PoiProperties properties = PoiProperties.defaults();
            LocalProjection projection = new LocalProjection(properties.projectionLatitude());

            long began = System.nanoTime();
            List<Poi> pois = placed(
                    SyntheticPois.generate(POI_SEED, sizes.pois(), district.outline()),
                    new PoiPlacer(district.placeIndex()::locate));
            repository.insertAll(pois, projection);
            jdbc.sql("ANALYZE spatial_poi").update();
            double loaded = (System.nanoTime() - began) / 1e9;

            JdbcTemplate batch = new JdbcTemplate(db);
            PoiSearch search = new PoiSearch(
                    repository,
                    new PoiClassRepository(jdbc),
                    new PoiNames(repository, properties),
                    new Places(new DivisionGeometryRepository(jdbc, batch), new DivisionRepository(jdbc, batch)),
                    properties,
                    Clock.systemUTC());
            Actor actor = Actor.system("benchmarks");
            NearestScan scan = new NearestScan(pois.stream().map(Poi::location).toList());
            GeoPoint[] from = SamplePoints.within(district.outline(), sizes.queries(), 0.9, POINT_SEED);

            int checked = Math.min(from.length, sizes.scans());
            int disagree = 0;
            for (int i = 0; i < checked; i++) {
                disagree += agrees(search.nearest(actor, from[i], K, null), scan.nearest(from[i], K)) ? 0 : 1;
            }
            nearest(search, actor, from, 1, from.length / 2); // warm-up
            LoadResult one = nearest(search, actor, from, 1, from.length);
            LoadResult four = nearest(search, actor, from, 4, from.length);
            LoadResult brute = ClosedLoop.run(
                    1, AT_MOST, sizes.scans(), (thread, seq) -> scan.nearest(from[(int) (seq - 1) % from.length], K));
            Scenarios.requireSuccess("brute-force nearest", brute);

            String scale = Numbers.figure(pois.size()) + " POIs, " + Numbers.figure(from.length)
                    + " seeded points (90% inside the outline), k = " + K;
            double p99 = one.latencyMicros().getValueAtPercentile(99) / 1000.0;
            return List.of(
                    new Row(
                            "POI nearest-k: PoiSearch.nearest (GiST KNN in embedded PostgreSQL + haversine re-rank),"
                                    + " 1 thread, p99",
                            p99,
                            "ms",
                            "exact brute force over the same POIs in Java, 1 thread, p99 (ms)",
                            brute.latencyMicros().getValueAtPercentile(99) / 1000.0,
                            "lower is better; " + Numbers.percentiles(one.latencyMicros()) + ", "
                                    + Numbers.figure(one.perSecond()) + " queries/s; brute force "
                                    + Numbers.percentiles(brute.latencyMicros()) + "; " + scale
                                    + "; target p99 ≤ 5 ms; distances agree with brute force on "
                                    + (checked - disagree) + " of " + checked + " queries; loaded in "
                                    + Numbers.seconds(loaded) + one.errorNote()),
                    new Row(
                            "POI nearest-k: PoiSearch.nearest, 4 threads, p99",
                            four.latencyMicros().getValueAtPercentile(99) / 1000.0,
                            "ms",
                            "the same on 1 thread, p99 (ms)",
                            p99,
                            "lower is better; " + Numbers.percentiles(four.latencyMicros()) + ", "
                                    + Numbers.figure(four.perSecond()) + " queries/s (1 thread "
                                    + Numbers.figure(one.perSecond()) + ")" + four.errorNote()));
        } finally {
            Cleanup.close(db);
            Cleanup.close(server);
        }
    }

    /** What Pois.placeAll stores for each draft (validation and audit aside): its division and grid. */
    private static List<Poi> placed(List<PoiDraft> drafts, PoiPlacer placer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Poi> pois = new ArrayList<>(drafts.size());
        for (PoiDraft d : drafts) {
            placer.assign(d.location())
                    .ifPresent(at -> pois.add(new Poi(
                            PoiId.random(),
                            d.classCode(),
                            d.name(),
                            d.location(),
                            at.division(),
                            at.grid(),
                            d.address(),
                            d.phone(),
                            d.attributes(),
                            d.externalId(),
                            true,
                            "synthetic",
                            0,
                            now,
                            now)));
        }
        return pois;
    }

    private static LoadResult nearest(PoiSearch search, Actor actor, GeoPoint[] from, int threads, int count) {
        LoadResult result = ClosedLoop.run(threads, AT_MOST, count, (thread, seq) -> {
            if (search.nearest(actor, from[(int) (seq - 1) % from.length], K, null)
                            .size()
                    != K) {
                throw new IllegalStateException("fewer than " + K + " POIs returned");
            }
        });
        Scenarios.requireSuccess("POI nearest-k", result);
        return result;
    }

    /** Same k distances, to the centimetre (ties may order different POIs alike). */
    static boolean agrees(List<PoiHit> hits, double[] exact) {
        if (hits.size() != exact.length) {
            return false;
        }
        for (int i = 0; i < exact.length; i++) {
            if (Math.abs(hits.get(i).distanceM() - exact[i]) > 0.01) {
                return false;
            }
        }
        return true;
    }
}
