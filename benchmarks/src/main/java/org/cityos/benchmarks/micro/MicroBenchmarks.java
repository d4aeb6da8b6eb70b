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
        Options options = new OptionsBuilder()
                .include(AuditChainBenchmark.class.getName() + "\\.")
                .include(CredentialHashBenchmark.class.getName() + "\\.")
                .forks(mode.jmhForks())
                .warmupIterations(mode.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .measurementIterations(mode.jmhIterations())
                .measurementTime(TimeValue.milliseconds(mode.jmhIterationTime().toMillis()))
                .threads(1)
                .jvmArgsAppend("-Xms256m", "-Xmx256m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Result<?>> byName = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            byName.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult());
        }
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
