package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.basedata.GeocodingLinker;
import org.cityos.basedata.ImportReport;
import org.cityos.basedata.PersonImport;
import org.cityos.basedata.SyntheticPeople;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.basedata.PlantedTruth;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.load.ScenarioDatabase;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Gazetteer;
import org.cityos.spatial.Geocoder;
import org.cityos.spatial.RoadNetwork;
import org.cityos.spatial.internal.PlaceIndex;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The population base (issue 10, part 3): synthetic people over the seed-scale gazetteer (as CityOS
 * seeds it) written as three department files — the public security register and two files of 5%
 * planted duplicates of four kinds ({@link SyntheticPeople}) — then imported ({@link PersonImport#load}:
 * parse, check, link every distinct address through the in-memory geocoder, COPY) and matched
 * ({@link PersonImport#resolve}: exact keys, blocked fuzzy comparisons, survivorship, golden records by
 * COPY), in one embedded PostgreSQL. Baseline: a plain COPY of the same files into a table of text
 * columns. Precision and recall are pairwise against the planted truth, read back from the database.
 * Then the legal-entity base over the same gazetteer ({@link OrganisationMatchScenario}).
 */
public final class BaseDataScenario {
    static final long PEOPLE_SEED = 20261126L;
    static final double SHARE = 0.05;

    private BaseDataScenario() {}

    /** People in the register, and the gazetteer's addresses they live at. */
    record Sizes(int people, int addresses) {
        static Sizes of(Mode mode) {
            Sizes sizes = mode.isFull() ? new Sizes(1_810_000, 180_000) : new Sizes(20_000, 20_000);
            // -Dcityos.bench.basedata.people=300000: an in-between size for profiling, never in the table
            int people = Integer.getInteger("cityos.bench.basedata.people", sizes.people());
            return new Sizes(people, sizes.addresses());
        }
    }

    /** One department file on disk. */
    record DepartmentFile(String department, Path path, Charset charset) {}

    public static List<Row> run(Mode mode, ReferenceDistrict district, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        long began = System.nanoTime();
        PlaceIndex places = district.placeIndex();
        RoadNetwork network = RoadNetwork.generate(
                GeocodingScenario.GAZETTEER_SEED, district.outline(), ReferenceDistrict.roadSeats());
        List<AddressEntry> entries = Gazetteer.synthesize(
                GeocodingScenario.GAZETTEER_SEED,
                network,
                sizes.addresses(),
                places::locate,
                ReferenceDistrict.DISTRICT_NAME);
        Geocoder geocoder = Geocoder.inMemory(entries, district.vocabulary(), places::locate);
        double gazetteerSeconds = (System.nanoTime() - began) / 1e9;

        began = System.nanoTime();
        Path dir = Files.createDirectories(work.resolve("basedata-files"));
        List<DepartmentFile> files = List.of(
                new DepartmentFile("public-security", dir.resolve("register.csv"), StandardCharsets.UTF_8),
                new DepartmentFile("civil-affairs", dir.resolve("community.csv"), Charset.forName("GBK")),
                new DepartmentFile("human-resources", dir.resolve("insured.csv"), StandardCharsets.UTF_8));
        SyntheticPeople.Generated truth;
        try (Writer register = writer(files.get(0));
                Writer civil = writer(files.get(1));
                Writer hr = writer(files.get(2))) {
            truth = SyntheticPeople.write(
                    PEOPLE_SEED,
                    sizes.people(),
                    SHARE,
                    entries.stream().map(AddressEntry::address).toList(),
                    register,
                    civil,
                    hr);
        }
        double generateSeconds = (System.nanoTime() - began) / 1e9;
        long rows = sizes.people()
                + truth.originalOf().get(0).length
                + truth.originalOf().get(1).length;
        System.out.printf(
                "basedata: %d addresses (gazetteer + geocoder in %s), %d rows in 3 files written in %s; planted %s%n",
                geocoder.size(),
                Numbers.seconds(gazetteerSeconds),
                rows,
                Numbers.seconds(generateSeconds),
                truth.planted());

        HikariDataSource db = ScenarioDatabase.start(work, "basedata-postgres", "classpath:db/migration/basedata", 4);
        List<Row> out = new ArrayList<>();
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            double baselineSeconds = plainCopy(db, files);
            jdbc.execute("DROP TABLE bench_plain_copy");
            jdbc.execute("CHECKPOINT");

            PersonImport imports = new PersonImport(
                    db, new DataSourceTransactionManager(db), new GeocodingLinker(geocoder), Clock.systemUTC());
            began = System.nanoTime();
            long[] batches = new long[files.size()];
            int stored = 0;
            int rejected = 0;
            for (int i = 0; i < files.size(); i++) {
                DepartmentFile f = files.get(i);
                try (InputStream in = Files.newInputStream(f.path())) {
                    ImportReport report = imports.load(
                            in,
                            new PersonImport.Source(
                                    f.department(),
                                    f.path().getFileName().toString(),
                                    null,
                                    Map.of(),
                                    true,
                                    "system:benchmarks"));
                    batches[i] = report.batchId();
                    stored += report.rowsStored();
                    rejected += report.rowsRejected();
                }
            }
            double loadSeconds = (System.nanoTime() - began) / 1e9;
            began = System.nanoTime();
            PersonImport.Resolved resolved = imports.resolve();
            double resolveSeconds = (System.nanoTime() - began) / 1e9;
            double total = loadSeconds + resolveSeconds;
            PlantedTruth.Score score = PlantedTruth.score(jdbc, truth, batches);
            String byKind = byKind(score);
            System.out.printf(
                    "basedata: load %s, resolve %s (%s); P %.4f R %.4f; %s%n",
                    Numbers.seconds(loadSeconds),
                    Numbers.seconds(resolveSeconds),
                    resolved,
                    score.precision(),
                    score.recall(),
                    byKind);

            String scale = Numbers.figure(sizes.people()) + " people + " + Numbers.figure(rows - sizes.people())
                    + " planted duplicates (" + Math.round(SHARE * 100) + "%, seed " + PEOPLE_SEED + ") over "
                    + Numbers.figure(geocoder.size()) + " gazetteer addresses";
            out.add(new Row(
                    "base data: import and match people (3 department files → golden records), in process",
                    rows / total,
                    "records/s",
                    "plain COPY of the same files into text columns (records/s)",
                    rows / baselineSeconds,
                    "total " + Numbers.seconds(total) + " (target ≤ 10 min at 1.81M): load "
                            + Numbers.seconds(loadSeconds)
                            + " (" + Numbers.figure(stored) + " stored, " + rejected + " rejected), resolve "
                            + Numbers.seconds(resolveSeconds) + " (" + Numbers.figure(resolved.people())
                            + " golden records, " + Numbers.figure(resolved.fuzzyCandidates()) + " keyless records, "
                            + Numbers.figure(resolved.comparisons()) + " fuzzy comparisons, " + resolved.conflicts()
                            + " unmerged decisions); plain COPY " + Numbers.seconds(baselineSeconds) + "; " + scale));
            out.add(new Row(
                    "base data: matching precision (pairs in one golden record that are planted pairs)",
                    score.precision(),
                    "share of pairs",
                    "the target, 0.98",
                    0.98,
                    Numbers.figure(score.foundPairs()) + " of " + Numbers.figure(score.predictedPairs())
                            + " predicted pairs"));
            out.add(new Row(
                    "base data: matching recall (planted duplicates found in their original's golden record)",
                    score.recall(),
                    "share of pairs",
                    "the target, 0.98",
                    0.98,
                    Numbers.figure(score.foundPairs()) + " of " + Numbers.figure(score.truePairs()) + " planted pairs; "
                            + byKind));
        } finally {
            Cleanup.close(db);
        }
        out.addAll(OrganisationMatchScenario.run(mode, entries, geocoder, work));
        return out;
    }

    /** The baseline: every file COPYed as CSV into a table of text columns, no checks, no matching. */
    static double plainCopy(HikariDataSource db, List<DepartmentFile> files) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement()
                    .execute("CREATE TABLE bench_plain_copy (id_number text, name text, gender text, birth_date text,"
                            + " household text, residence text, phone text)");
            long began = System.nanoTime();
            for (DepartmentFile f : files) {
                try (InputStream in = Files.newInputStream(f.path())) {
                    c.unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "COPY bench_plain_copy FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING '"
                                            + (f.charset().name().equals("GBK") ? "GBK" : "UTF8") + "')",
                                    in);
                }
            }
            return (System.nanoTime() - began) / 1e9;
        }
    }

    private static String byKind(PlantedTruth.Score score) {
        StringBuilder out = new StringBuilder("recall by kind:");
        score.recallByKind()
                .forEach((kind, tally) -> out.append(' ')
                        .append(kind.name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.4f", tally[0] / tally[1]))
                        .append(" (")
                        .append((int) tally[1])
                        .append(')'));
        return out.toString();
    }

    private static Writer writer(DepartmentFile f) throws java.io.IOException {
        return new BufferedWriter(
                new java.io.OutputStreamWriter(Files.newOutputStream(f.path()), f.charset()), 1 << 16);
    }
}
