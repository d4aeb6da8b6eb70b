package org.cityos.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * How long and how hard the suite runs. {@code tiny} only proves every benchmark still works (CI
 * asserts no figures); {@code full} produces the README figures on a 2-core machine in a few minutes.
 *
 * @param name {@code tiny} or {@code full}
 * @param jmhForks JMH forks per benchmark
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measured iterations
 * @param jmhIterationTime length of each JMH iteration
 * @param restarts how many restarts are timed (CityOS and PostgreSQL alone alike)
 * @param warmup unmeasured load before each measured scenario, to get past JIT compilation
 * @param slice one measured slice; figure and baseline alternate slice by slice (ABBA)
 * @param rounds how many slices each of figure and baseline get
 * @param loginThreads concurrent sign-ins (and concurrent bcrypt verifications for the baseline)
 * @param readThreads concurrent closed-loop readers
 * @param writeThreads concurrent audited writers
 * @param writeLoad how long the audited writers run
 * @param commitBaseline how long the serial INSERT+COMMIT baseline runs
 * @param maxOpsPerSlice upper bound on operations in any one slice, so every loop ends by count too
 */
public record Mode(
        String name,
        int jmhForks,
        int jmhWarmups,
        int jmhIterations,
        Duration jmhIterationTime,
        int restarts,
        Duration warmup,
        Duration slice,
        int rounds,
        int loginThreads,
        int readThreads,
        int writeThreads,
        Duration writeLoad,
        Duration commitBaseline,
        long maxOpsPerSlice) {

    /** Forks 1, one 1 s warm-up and one 1 s iteration; a couple of seconds per scenario, few threads. */
    public static Mode tiny() {
        return new Mode(
                "tiny",
                1,
                1,
                1,
                Duration.ofSeconds(1),
                1,
                Duration.ofMillis(500),
                Duration.ofMillis(1500),
                1,
                2,
                4,
                4,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                200_000);
    }

    /** Forks 1, 2 warm-ups, 3 iterations of 3 s; about 20-30 s per scenario; 16 concurrent clients. */
    public static Mode full() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Mode(
                "full",
                1,
                2,
                3,
                Duration.ofSeconds(3),
                2,
                Duration.ofSeconds(5),
                Duration.ofSeconds(4),
                2,
                2 * cores,
                16,
                16,
                Duration.ofSeconds(15),
                Duration.ofSeconds(8),
                5_000_000);
    }

    public static Mode parse(String arg) {
        return switch (arg == null ? "" : arg.strip().toLowerCase(Locale.ROOT)) {
            case "tiny" -> tiny();
            case "full" -> full();
            default -> throw new IllegalArgumentException("mode must be tiny or full, not '" + arg + "'");
        };
    }

    public boolean isFull() {
        return "full".equals(name);
    }
}
