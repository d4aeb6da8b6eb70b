package org.cityos.benchmarks.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.postgres.EmbeddedPostgresServer;
import org.cityos.testkit.FreePorts;

/**
 * Start-up: process start to readiness UP, on a fresh data directory (initdb, migrations, demo users)
 * and again on the same directory. The baseline is the same embedded PostgreSQL started alone, fresh
 * and again, in this run; ratio = CityOS / PostgreSQL alone, so it is what CityOS adds on top of its
 * database. The last CityOS restart is left running for the HTTP scenarios.
 */
public final class StartupScenario {
    private static final Duration READY_LIMIT = Duration.ofSeconds(180);

    /** The rows, and CityOS still running from its last timed restart. */
    public record Outcome(List<Row> rows, CityOsProcess running) {}

    private StartupScenario() {}

    public static Outcome run(Mode mode, Path jar, Path work) throws Exception {
        // Unmeasured: unpacks the PostgreSQL binaries (cached per machine) and loads the classes, so that
        // neither the baseline nor CityOS is charged for a one-off the other got for free.
        timePostgres(work.resolve("pg-warm-up"));
        double pgFirst = timePostgres(work.resolve("pg-alone"));

        Path appDir = work.resolve("cityos");
        CityOsProcess first = CityOsProcess.start(jar, appDir, FreePorts.next(), "cityos-first-start.log");
        double appFirst = seconds(first.awaitReady(READY_LIMIT));
        double firstStop = seconds(first.stop());
        Cleanup.close(first);

        List<Double> pgRestarts = new ArrayList<>();
        List<Double> appRestarts = new ArrayList<>();
        CityOsProcess running = null;
        for (int i = 0; i < mode.restarts(); i++) {
            pgRestarts.add(timePostgres(work.resolve("pg-alone")));
            if (running != null) {
                running.stop();
                Cleanup.close(running);
            }
            running = CityOsProcess.start(jar, appDir, FreePorts.next(), "cityos-restart-" + (i + 1) + ".log");
            appRestarts.add(seconds(running.awaitReady(READY_LIMIT)));
        }
        double pgRestart = mean(pgRestarts);
        double appRestart = mean(appRestarts);
        List<Row> rows = List.of(
                new Row(
                        "start-up, first start: process start to readiness UP (fresh data dir: initdb, migrations,"
                                + " demo users)",
                        appFirst,
                        "s",
                        "embedded PostgreSQL alone, first start on a fresh dir (initdb) (s)",
                        pgFirst,
                        "lower is better; graceful stop (SIGTERM) took " + Numbers.seconds(firstStop)),
                new Row(
                        "start-up, restart on the same data dir: process start to readiness UP",
                        appRestart,
                        "s",
                        "embedded PostgreSQL alone, restart on the same dir (s)",
                        pgRestart,
                        "lower is better; mean of " + appRestarts.size() + " (CityOS " + list(appRestarts)
                                + "; PostgreSQL " + list(pgRestarts) + ")"));
        return new Outcome(rows, running);
    }

    /** EmbeddedPostgresServer.start to a server accepting connections, in seconds; then stops it. */
    private static double timePostgres(Path dir) {
        long begin = System.nanoTime();
        EmbeddedPostgresServer server = Cleanup.register(EmbeddedPostgresServer.start(dir, FreePorts.next()));
        double took = (System.nanoTime() - begin) / 1e9;
        Cleanup.close(server);
        return took;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String list(List<Double> values) {
        return values.stream().map(Numbers::seconds).collect(Collectors.joining(", "));
    }
}
