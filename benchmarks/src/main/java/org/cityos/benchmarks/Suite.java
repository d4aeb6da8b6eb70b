package org.cityos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.load.JarSnapshot;
import org.cityos.benchmarks.micro.MicroBenchmarks;
import org.cityos.benchmarks.scenarios.AlarmLatencyScenario;
import org.cityos.benchmarks.scenarios.AuditedWriteScenario;
import org.cityos.benchmarks.scenarios.AuthorisedRequestScenario;
import org.cityos.benchmarks.scenarios.BaseDataScenario;
import org.cityos.benchmarks.scenarios.BrokerAloneScenario;
import org.cityos.benchmarks.scenarios.CaseCrashScenario;
import org.cityos.benchmarks.scenarios.CaseLoopScenario;
import org.cityos.benchmarks.scenarios.CatalogLedgerScenario;
import org.cityos.benchmarks.scenarios.CrashLossScenario;
import org.cityos.benchmarks.scenarios.DeviceRegistryScenario;
import org.cityos.benchmarks.scenarios.GeocodingScenario;
import org.cityos.benchmarks.scenarios.IngestScenarios;
import org.cityos.benchmarks.scenarios.LiveDistrictScenario;
import org.cityos.benchmarks.scenarios.LoginScenario;
import org.cityos.benchmarks.scenarios.PoiNearestScenario;
import org.cityos.benchmarks.scenarios.RatesScenario;
import org.cityos.benchmarks.scenarios.SharedDataScenario;
import org.cityos.benchmarks.scenarios.StartupScenario;
import org.cityos.benchmarks.scenarios.TimerLagScenario;
import org.cityos.benchmarks.spatial.ReferenceDistrict;
import org.cityos.testkit.FreePorts;

/**
 * {@code Suite tiny|full [spatial|iot|ingest|rules|alerting|casework|catalog|basedata|sharing|live]}: every JMH benchmark, then every end-to-end scenario against
 * one CityOS process, then the in-process spatial and device-registry scenarios and the MQTT brokers
 * alone, then device ingest (MQTT end to end, HTTP batches, kill -9 loss checks), then alarm latency under ingest
 * load, each beside its baseline from the same run. Prints the table; {@code full} also writes it into
 * benchmarks/README.md. With {@code spatial}, {@code iot}, {@code ingest} or {@code alerting} only those benchmarks run
 * (ingest and alerting start their own CityOS processes), and
 * {@code full} merges their rows into the README's table instead of replacing it. Exits non-zero only
 * when a scenario crashed, never because of a figure.
 */
public final class Suite {
    private Suite() {}

    /** A scenario's body; may throw, which makes it a crashed row. */
    @FunctionalInterface
    interface Scenario {
        List<Row> run() throws Exception;

        /** Something a scenario needs that may fail to build, making that scenario a crashed row. */
        @FunctionalInterface
        interface Input<T> {
            T get() throws Exception;
        }
    }

    /** Which benchmarks run: all of them, or only those needing no CityOS process. */
    enum Selection {
        ALL,
        SPATIAL,
        IOT,
        INGEST,
        RULES,
        ALERTING,
        CASEWORK,
        CATALOG,
        BASEDATA,
        SHARING,
        LIVE;

        boolean isPart() {
            return this != ALL;
        }
    }

    public static void main(String[] args) throws Exception {
        Mode mode;
        Selection selection;
        try {
            mode = Mode.parse(args.length > 0 ? args[0] : "tiny");
            selection = selection(args);
        } catch (IllegalArgumentException e) {
            System.err.println(
                    "usage: Suite tiny|full [spatial|iot|ingest|rules|alerting|casework|catalog|basedata|sharing|live] ("
                            + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        Path root = root();
        Path jar = root.resolve("app/target/cityos.jar");
        boolean needsJar = selection == Selection.ALL
                || selection == Selection.INGEST
                || selection == Selection.ALERTING
                || selection == Selection.CASEWORK
                || selection == Selection.SHARING
                || selection == Selection.LIVE;
        if (needsJar && !Files.isRegularFile(jar)) {
            System.err.println("CityOS jar missing: " + jar.toAbsolutePath()
                    + "\nBuild it first: ./mvnw -B -ntp -DskipTests install (./cityos bench does this for you).");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("cityos-bench-");
        Machine machine = Machine.detect();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        System.out.println("CityOS benchmarks, mode " + mode.name()
                + (selection.isPart() ? ", " + selection.name().toLowerCase(java.util.Locale.ROOT) + " only" : "")
                + ", on " + machine.line());
        long begin = System.nanoTime();

        List<Row> rows = new ArrayList<>();
        Path snapshot = needsJar ? JarSnapshot.copy(jar, work) : null;
        if (selection == Selection.ALL) {
            rows.addAll(guard("JMH micro-benchmarks", () -> MicroBenchmarks.run(mode)));
            rows.addAll(guard("JMH point→grid", () -> MicroBenchmarks.spatial(mode)));
            rows.addAll(guard("JMH rule engine", () -> MicroBenchmarks.alerting(mode)));
            rows.addAll(endToEnd(mode, snapshot, work));
        } else if (selection == Selection.SPATIAL) {
            rows.addAll(guard("JMH point→grid", () -> MicroBenchmarks.spatial(mode)));
        } else if (selection == Selection.RULES || selection == Selection.ALERTING) {
            rows.addAll(guard("JMH rule engine", () -> MicroBenchmarks.alerting(mode)));
        }
        if (selection == Selection.ALL || selection == Selection.INGEST) {
            rows.addAll(ingest(mode, snapshot, work));
        }
        if (selection == Selection.ALL || selection == Selection.ALERTING) {
            rows.addAll(guard("alarm latency under ingest load", () -> AlarmLatencyScenario.run(mode, snapshot, work)));
        }
        if (selection == Selection.CASEWORK) {
            rows.addAll(guard("case loop", () -> caseLoop(mode, snapshot, work)));
        }
        if (selection == Selection.SHARING) {
            rows.addAll(guard("shared-data API", () -> sharing(mode, snapshot, work)));
        }
        if (selection == Selection.ALL || selection == Selection.CASEWORK) {
            rows.addAll(guard("kill -9 casework", () -> CaseCrashScenario.run(mode, snapshot, work)));
        }
        if (selection == Selection.ALL || selection == Selection.LIVE) {
            rows.addAll(guard("live district", () -> LiveDistrictScenario.run(mode, snapshot, work)));
        }
        // In process, after CityOS has stopped, so the two never compete for the cores.
        rows.addAll(inProcessScenarios(mode, selection, work));
        Cleanup.closeAll();

        boolean crashed = rows.stream().anyMatch(Row::isCrash);
        String table = ResultsTable.markdown(rows, date, machine);
        System.out.println();
        System.out.println(
                "Results (" + mode.name() + ", " + Numbers.seconds((System.nanoTime() - begin) / 1e9) + "):");
        System.out.println(table);
        if (crashed) {
            System.err.println("A scenario crashed; logs kept in " + work);
        } else {
            deleteQuietly(work);
        }
        if (mode.isFull() && !crashed) {
            Path readme = root.resolve("benchmarks/README.md");
            String before = Files.readString(readme);
            Files.writeString(
                    readme,
                    selection.isPart() ? ResultsTable.merge(before, table) : ResultsTable.rewrite(before, table));
            System.out.println("Wrote the table into " + readme);
        } else if (mode.isFull()) {
            System.err.println("README not rewritten: a crashed run must not replace good figures.");
        }
        System.exit(crashed ? 1 : 0);
    }

    /** {@code spatial}, {@code iot}, {@code ingest} or {@code alerting} as the second argument; anything else there is a usage error. */
    static Selection selection(String[] args) {
        if (args.length < 2) {
            return Selection.ALL;
        }
        if (args.length == 2) {
            switch (args[1].strip()) {
                case "spatial":
                    return Selection.SPATIAL;
                case "iot":
                    return Selection.IOT;
                case "ingest":
                    return Selection.INGEST;
                case "rules":
                    return Selection.RULES;
                case "alerting":
                    return Selection.ALERTING;
                case "casework":
                    return Selection.CASEWORK;
                case "catalog":
                    return Selection.CATALOG;
                case "basedata":
                    return Selection.BASEDATA;
                case "sharing":
                    return Selection.SHARING;
                case "live":
                    return Selection.LIVE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "the selections are 'spatial', 'iot', 'ingest', 'rules', 'alerting', 'casework', 'catalog', 'basedata', 'sharing' and 'live', not "
                        + String.join(" ", args));
    }

    /**
     * Geocoding, POI nearest-k and the device registry over one reference district, generated once for
     * all, and the MQTT brokers alone; a selection runs its own only.
     */
    static List<Row> inProcessScenarios(Mode mode, Selection selection, Path work) {
        ReferenceDistrict[] district = new ReferenceDistrict[1];
        Scenario.Input<ReferenceDistrict> reference = () -> {
            if (district[0] == null) {
                district[0] = ReferenceDistrict.load();
            }
            return district[0];
        };
        List<Row> rows = new ArrayList<>();
        if (selection == Selection.ALL || selection == Selection.SPATIAL) {
            rows.addAll(guard("geocoding", () -> GeocodingScenario.run(mode, reference.get())));
            rows.addAll(guard("POI nearest-k", () -> PoiNearestScenario.run(mode, reference.get(), work)));
        }
        if (selection == Selection.ALL || selection == Selection.IOT) {
            rows.addAll(guard("device registry", () -> DeviceRegistryScenario.run(mode, reference.get(), work)));
        }
        if (selection == Selection.ALL || selection == Selection.CASEWORK) {
            rows.addAll(guard("workflow timers", () -> TimerLagScenario.run(mode, work)));
            rows.addAll(guard("casework rates", () -> RatesScenario.run(mode, work)));
        }
        if (selection == Selection.ALL || selection == Selection.CATALOG) {
            rows.addAll(guard("catalog ledger", () -> CatalogLedgerScenario.run(mode, work)));
        }
        if (selection == Selection.ALL || selection == Selection.BASEDATA) {
            rows.addAll(guard(
                    "population base import and matching", () -> BaseDataScenario.run(mode, reference.get(), work)));
        }
        return rows;
    }

    /**
     * Device ingest: the MQTT brokers alone, then one CityOS process with its devices for MQTT end to end and
     * HTTP batches, then the two kill -9 loss checks, each on a CityOS of its own.
     */
    static List<Row> ingest(Mode mode, Path jar, Path work) {
        List<Row> rows = new ArrayList<>();
        BrokerAloneScenario.Measured[] brokers = new BrokerAloneScenario.Measured[1];
        rows.addAll(guard("MQTT brokers alone", () -> {
            brokers[0] = BrokerAloneScenario.measure(mode, work);
            return brokers[0].rows();
        }));
        rows.addAll(guard(
                "MQTT and HTTP ingest into CityOS", () -> IngestScenarios.throughput(mode, jar, work, brokers[0])));
        rows.addAll(guard("kill -9 loss, embedded endpoint", () -> CrashLossScenario.embedded(mode, jar, work)));
        rows.addAll(guard("kill -9 loss, external broker", () -> CrashLossScenario.externalBroker(mode, jar, work)));
        return rows;
    }

    /** Start-up first (it leaves CityOS running), then the HTTP scenarios on that one process. */
    static List<Row> endToEnd(Mode mode, Path jar, Path work) {
        List<Row> rows = new ArrayList<>();
        CityOsProcess app = null;
        try {
            StartupScenario.Outcome startup = StartupScenario.run(mode, jar, work);
            rows.addAll(startup.rows());
            app = startup.running();
        } catch (Exception | Error e) {
            e.printStackTrace();
            rows.add(Row.crashed("start-up", e));
        }
        CityOsProcess running = app;
        try {
            rows.addAll(guard("login", () -> List.of(LoginScenario.run(mode, require(running)))));
            rows.addAll(guard("authorised requests", () -> AuthorisedRequestScenario.run(mode, require(running))));
            rows.addAll(guard("audited writes", () -> AuditedWriteScenario.run(mode, require(running))));
            rows.addAll(guard("case loop", () -> CaseLoopScenario.run(mode, require(running))));
            rows.addAll(guard("shared-data API", () -> SharedDataScenario.run(mode, require(running))));
        } finally {
            if (running != null) {
                reportProblems(running);
                Cleanup.close(running);
            }
        }
        return rows;
    }

    /** A CityOS of its own for the shared-data API when sharing runs alone. */
    static List<Row> sharing(Mode mode, Path jar, Path work) throws Exception {
        CityOsProcess app = CityOsProcess.start(jar, work.resolve("sharing"), FreePorts.next(), "sharing.log");
        try {
            app.awaitReady(Duration.ofMinutes(5));
            return SharedDataScenario.run(mode, app);
        } finally {
            reportProblems(app);
            Cleanup.close(app);
        }
    }

    /** A CityOS of its own for the case loop when casework runs alone. */
    static List<Row> caseLoop(Mode mode, Path jar, Path work) throws Exception {
        CityOsProcess app = CityOsProcess.start(jar, work.resolve("casework"), FreePorts.next(), "casework.log");
        try {
            app.awaitReady(Duration.ofMinutes(5));
            return CaseLoopScenario.run(mode, app);
        } finally {
            reportProblems(app);
            Cleanup.close(app);
        }
    }

    private static CityOsProcess require(CityOsProcess app) {
        if (app == null) {
            throw new IllegalStateException("CityOS did not start, see start-up");
        }
        return app;
    }

    private static List<Row> guard(String name, Scenario scenario) {
        System.out.println("== " + name);
        long begin = System.nanoTime();
        try {
            List<Row> rows = scenario.run();
            System.out.println("== " + name + " done in " + Numbers.seconds((System.nanoTime() - begin) / 1e9));
            return rows;
        } catch (Exception | Error e) {
            System.err.println("== " + name + " CRASHED");
            e.printStackTrace();
            return List.of(Row.crashed(name, e));
        }
    }

    /** Warnings and errors CityOS logged while under load: findings to report, not figures. */
    private static void reportProblems(CityOsProcess app) {
        List<String> problems = app.problems();
        if (!problems.isEmpty()) {
            System.out.println("CityOS logged " + problems.size() + " WARN/ERROR lines during the HTTP scenarios:");
            problems.stream().limit(20).forEach(l -> System.out.println("  " + l));
        }
    }

    /** The repository root: the working directory or its parent, whichever holds benchmarks/pom.xml. */
    static Path root() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("benchmarks/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from the CityOS repository (no benchmarks/pom.xml above " + cwd + ")");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
