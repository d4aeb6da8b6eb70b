package org.cityos.benchmarks.micro;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark in one JMH run (forked, as JMH requires; the fork inherits this JVM's
 * class path) and turns each benchmark/baseline pair into a result row.
 */
public final class MicroBenchmarks {
    private MicroBenchmarks() {}

    public static List<Row> run(Mode mode) throws RunnerException {
        Options options = options(mode, 1, 256)
                .include(AuditChainBenchmark.class.getName() + "\\.")
                .include(CredentialHashBenchmark.class.getName() + "\\.")
                .build();
        Map<String, Result<?>> byName = byMethod(new Runner(options).run());
        return List.of(
                row(
                        "audit chain: link one record (ChainHash.of = canonical encoding + SHA-256), 1 thread",
                        "records/s",
                        byName,
                        "linkRecord",
                        "bare SHA-256 over the same bytes, reused digest (ops/s)",
                        "sha256Only"),
                row(
                        "session token check: SHA-256 digest of a cos_ token, 1 thread",
                        "checks/s",
                        byName,
                        "tokenDigest",
                        "bcrypt matches at cost 10, 1 thread (checks/s)",
                        "bcryptMatches"));
    }

    /**
     * Point → grid on the reference partition: index and linear scan on one thread, then the index
     * alone on two threads, reported per thread against the one-thread figure (how well it scales).
     */
    public static List<Row> spatial(Mode mode) throws RunnerException {
        String benchmark = PointToGridBenchmark.class.getName();
        Map<String, Result<?>> one = byMethod(
                new Runner(options(mode, 1, 512).include(benchmark + "\\.").build()).run());
        Map<String, Result<?>> two = byMethod(new Runner(
                        options(mode, 2, 512).include(benchmark + "\\.locate$").build())
                .run());
        String points = Numbers.figure(PointToGridBenchmark.POINTS) + " seeded points, "
                + PointToGridBenchmark.INSIDE_PERCENT + "% inside the outline, the rest over its envelope";
        String target = "; " + points + "; target ≥ 50,000/s";
        Row single = row(
                "point→grid: PlaceIndex.locate (STR-tree, district→town→community→grid path), 1 thread",
                "lookups/s",
                one,
                "locate",
                "linear scan: every grid's PreparedGeometry.covers until one covers (lookups/s)",
                "linearScan");
        Result<?> pair = require(two, "locate");
        return List.of(
                new Row(
                        single.scenario(),
                        single.figure(),
                        single.unit(),
                        single.baseline(),
                        single.baselineFigure(),
                        single.notes() + target),
                new Row(
                        "point→grid: PlaceIndex.locate, 2 threads, per thread",
                        pair.getScore() / 2,
                        "lookups/s per thread",
                        "the same on 1 thread (lookups/s)",
                        single.figure(),
                        "total " + Numbers.figure(pair.getScore()) + " lookups/s " + spread(pair) + target));
    }

    /**
     * The rule engine on one thread: events/s and condition evaluations/s per core, against cel-java's own
     * runtime evaluating the same conditions for the same events.
     */
    public static List<Row> alerting(Mode mode) throws RunnerException {
        String benchmark = RuleEngineBenchmark.class.getName();
        OptionsBuilder options = options(mode, 1, 1024);
        if (mode.isFull()) {
            // The engine's windows and alarm states fill for the first ~30 s and the JIT keeps re-compiling the
            // evaluator meanwhile: short iterations measure the climb (±500%), so the full run warms up longer.
            options.forks(2)
                    .warmupIterations(6)
                    .warmupTime(TimeValue.seconds(5))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(5));
        }
        Map<String, Result<?>> byName =
                byMethod(new Runner(options.include(benchmark + "\\.").build()).run());
        double perEvent = RuleEngineBenchmark.conditionsPerEvent();
        String setup =
                Numbers.figure(RuleEngineBenchmark.RULES) + " enabled rules (10% AGGREGATE over a 10-min window),"
                        + " " + RuleEngineBenchmark.TYPES + " types, " + Numbers.figure(RuleEngineBenchmark.DEVICES)
                        + " devices, batches of " + RuleEngineBenchmark.BATCH + ", " + String.format("%.2f", perEvent)
                        + " conditions per event (≥ 3); target ≥ 1,000,000 events/s per core";
        Row events = row(
                "rule engine: events through RuleEngine.stored, 1 thread",
                "events/s per core",
                byName,
                "engineBatch",
                "cel-java runtime, map activation, same conditions of the same events (events/s)",
                "celRuntimeBatch");
        return List.of(
                new Row(
                        events.scenario(),
                        events.figure(),
                        events.unit(),
                        events.baseline(),
                        events.baselineFigure(),
                        events.notes() + "; " + setup),
                new Row(
                        "rule engine: condition evaluations, 1 thread",
                        events.figure() * perEvent,
                        "evaluations/s per core",
                        "cel-java runtime, map activation (evaluations/s)",
                        events.baselineFigure() * perEvent,
                        "events/s × " + String.format("%.2f", perEvent) + " conditions per event"));
    }

    private static OptionsBuilder options(Mode mode, int threads, int heapMegabytes) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.forks(mode.jmhForks())
                .warmupIterations(mode.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .measurementIterations(mode.jmhIterations())
                .measurementTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .threads(threads)
                .jvmArgsAppend("-Xms" + heapMegabytes + "m", "-Xmx" + heapMegabytes + "m")
                .shouldFailOnError(true);
        return builder;
    }

    private static Map<String, Result<?>> byMethod(Collection<RunResult> results) {
        Map<String, Result<?>> byName = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            byName.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
        return byName;
    }

    private static Row row(
            String scenario,
            String unit,
            Map<String, Result<?>> byName,
            String figure,
            String baseline,
            String baselineMethod) {
        Result<?> f = require(byName, figure);
        Result<?> b = require(byName, baselineMethod);
        String notes = "JMH " + f.getLabel() + " " + spread(f) + "; baseline " + spread(b);
        return new Row(scenario, f.getScore(), unit, baseline, b.getScore(), notes);
    }

    private static String spread(Result<?> r) {
        double error = r.getScoreError();
        return Double.isNaN(error) ? "(one iteration, no error bound)" : "±" + Numbers.figure(error) + " (99.9%)";
    }

    private static Result<?> require(Map<String, Result<?>> byName, String method) {
        Result<?> r = byName.get(method);
        if (r == null) {
            throw new IllegalStateException("JMH produced no result for " + method + "; got " + byName.keySet());
        }
        return r;
    }
}
