package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.basedata.GeocodingLinker;
import org.cityos.basedata.OrganisationImport;
import org.cityos.basedata.People;
import org.cityos.basedata.SyntheticOrganisations;
import org.cityos.basedata.persistence.BatchStore;
import org.cityos.basedata.persistence.OrganisationStore;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.basedata.PlantedOrganisations;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.load.ScenarioDatabase;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.Geocoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The legal-entity base (issue 10, part 3), the second half of the base-data scenario: synthetic
 * organisations at the people's gazetteer ({@link SyntheticOrganisations}: the market regulator's register
 * and a tax file of 5% planted duplicates of five kinds, none with a credit code), imported and matched
 * ({@link OrganisationImport}: exact keys, blocked fuzzy matching, survivorship) in an embedded PostgreSQL
 * of its own. Precision and recall are pairwise against the planted truth.
 */
final class OrganisationMatchScenario {
    static final long SEED = 20261127L;
    static final double SHARE = 0.05;

    private OrganisationMatchScenario() {}

    static int size(Mode mode) {
        // -Dcityos.bench.basedata.organisations=N: another size for profiling, never in the table
        return Integer.getInteger("cityos.bench.basedata.organisations", mode.isFull() ? 144_000 : 5_000);
    }

    static List<Row> run(Mode mode, List<AddressEntry> entries, Geocoder geocoder, Path work) throws Exception {
        int count = size(mode);
        Path dir = Files.createDirectories(work.resolve("basedata-organisation-files"));
        Path registry = dir.resolve("registry.csv");
        Path tax = dir.resolve("tax.csv");
        SyntheticOrganisations.Generated truth;
        try (Writer r = Files.newBufferedWriter(registry, StandardCharsets.UTF_8);
                Writer t = Files.newBufferedWriter(tax, StandardCharsets.UTF_8)) {
            truth = SyntheticOrganisations.write(
                    SEED,
                    count,
                    SHARE,
                    entries.stream().map(AddressEntry::address).toList(),
                    r,
                    t);
        }
        HikariDataSource db =
                ScenarioDatabase.start(work, "basedata-organisations-postgres", "classpath:db/migration/basedata", 4);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(db);
            OrganisationImport imports = new OrganisationImport(
                    new OrganisationStore(db),
                    new BatchStore(JdbcClient.create(db)),
                    new DataSourceTransactionManager(db),
                    new GeocodingLinker(geocoder),
                    Clock.systemUTC());
            long began = System.nanoTime();
            long registryBatch = load(imports, registry, "market-regulation");
            long taxBatch = load(imports, tax, "tax");
            double loadSeconds = (System.nanoTime() - began) / 1e9;
            began = System.nanoTime();
            OrganisationImport.Resolved resolved = imports.resolve();
            double resolveSeconds = (System.nanoTime() - began) / 1e9;
            double total = loadSeconds + resolveSeconds;
            PlantedOrganisations.Score score = PlantedOrganisations.score(jdbc, truth, registryBatch, taxBatch);
            long rows = count + truth.originalOf().length;
            String byKind = byKind(score);
            System.out.printf(
                    "basedata organisations: %d rows, load %s, resolve %s (%s); P %.4f R %.4f; %s%n",
                    rows,
                    Numbers.seconds(loadSeconds),
                    Numbers.seconds(resolveSeconds),
                    resolved,
                    score.precision(),
                    score.recall(),
                    byKind);
            String scale = Numbers.figure(count) + " organisations + " + Numbers.figure(truth.originalOf().length)
                    + " planted duplicates (" + Math.round(SHARE * 100) + "%, seed " + SEED + ")";
            return List.of(
                    new Row(
                            "base data: import and match organisations (register + tax file → golden records),"
                                    + " in process",
                            rows / total,
                            "records/s",
                            "",
                            Double.NaN,
                            "total " + Numbers.seconds(total) + ": load " + Numbers.seconds(loadSeconds) + ", resolve "
                                    + Numbers.seconds(resolveSeconds) + " (" + Numbers.figure(resolved.organisations())
                                    + " golden records, " + Numbers.figure(resolved.fuzzyCandidates())
                                    + " records without credit code, " + Numbers.figure(resolved.comparisons())
                                    + " fuzzy comparisons, " + resolved.possible() + " possible matches); " + scale),
                    new Row(
                            "base data: organisation matching precision",
                            score.precision(),
                            "share of pairs",
                            "the target, 0.98",
                            0.98,
                            Numbers.figure(score.foundPairs()) + " of " + Numbers.figure(score.predictedPairs())
                                    + " predicted pairs"),
                    new Row(
                            "base data: organisation matching recall",
                            score.recall(),
                            "share of pairs",
                            "the target, 0.98",
                            0.98,
                            Numbers.figure(score.foundPairs()) + " of " + Numbers.figure(score.truePairs())
                                    + " planted pairs; " + byKind));
        } finally {
            Cleanup.close(db);
        }
    }

    private static long load(OrganisationImport imports, Path file, String department) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString();
            return imports.load(
                    "system:benchmarks", in, new People.ImportFile(department, name, "UTF-8", Map.of(), true), name);
        }
    }

    private static String byKind(PlantedOrganisations.Score score) {
        StringBuilder out = new StringBuilder("recall by kind:");
        score.recallByKind()
                .forEach((kind, tally) -> out.append(' ')
                        .append(kind.name().toLowerCase(Locale.ROOT))
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.4f", tally[0] / tally[1]))
                        .append(" (")
                        .append((int) tally[1])
                        .append(')'));
        return out.toString();
    }
}
