package org.cityos.benchmarks.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.ClosedLoop.Operation;
import org.cityos.benchmarks.load.LoadResult;
import tools.jackson.databind.JsonNode;

/**
 * Audited writes: N threads create departments (a row and its audit record in one transaction), then
 * the chain is polled until the chainer has linked everything, and the chain must verify intact. Two
 * baselines from the same run: {@link SerialCommits} on the same PostgreSQL, and {@link DiskSync}, one
 * fdatasync per record on the same disk. Ratio above 1 means audited writes are not capped by the chain
 * at fsync speed. (The first is only an fsync cap if the server really syncs, so its settings are noted.)
 */
public final class AuditedWriteScenario {
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    private AuditedWriteScenario() {}

    /** What the chain looked like once it had caught up. */
    record ChainState(
            boolean caughtUp,
            double catchUpSeconds,
            long backlogAtEnd,
            boolean intact,
            long checked,
            double verifySeconds) {}

    public static List<Row> run(Mode mode, CityOsProcess app) throws Exception {
        Api api = app.api();
        String writer = api.login("admin");
        String auditor = api.login("auditor");
        SerialCommits.Measured serial =
                SerialCommits.run(app.postgresPort(), mode.commitBaseline(), mode.maxOpsPerSlice());
        LoadResult syncs =
                DiskSync.run(app.dataDir().resolveSibling("disk-probe"), mode.commitBaseline(), mode.maxOpsPerSlice());

        String tag = Long.toString(System.currentTimeMillis() / 1000 % 60_466_176L, 36)
                .toLowerCase(Locale.ROOT);
        AtomicLong next = new AtomicLong();
        Operation create = (thread, seq) -> {
            long n = next.incrementAndGet();
            api.postJson(
                    "/api/departments",
                    writer,
                    Map.of("code", "bench-" + tag + "-" + n, "name", "基准部门" + tag + "-" + n, "shortName", "基准" + n),
                    201);
        };
        int threads = mode.writeThreads();
        ClosedLoop.run(threads, mode.warmup(), mode.maxOpsPerSlice(), create);
        LoadResult writes = ClosedLoop.run(threads, mode.writeLoad(), mode.maxOpsPerSlice(), create);
        ChainState chain = awaitChain(api, auditor);
        Scenarios.requireSuccess("audited writes", writes);
        if (chain.caughtUp() && !chain.intact()) {
            throw new IllegalStateException("audit chain NOT intact after the load");
        }
        String chainNote = chain.caughtUp()
                ? "chain caught up " + Numbers.seconds(chain.catchUpSeconds()) + " after the load (backlog "
                        + chain.backlogAtEnd() + "), intact, " + chain.checked() + " records verified in "
                        + Numbers.seconds(chain.verifySeconds())
                : "chain did NOT catch up within " + CATCH_UP_LIMIT.toSeconds() + " s (backlog " + chain.backlogAtEnd()
                        + ")";
        String scenario =
                "audited writes: POST /api/departments, " + threads + " threads (row + audit record per transaction)";
        String writeNote = Numbers.percentiles(writes.latencyMicros()) + writes.errorNote() + "; " + chainNote;
        return List.of(
                new Row(
                        scenario,
                        writes.perSecond(),
                        "writes/s",
                        "serial INSERT+COMMIT, 1 connection, same PostgreSQL (commits/s)",
                        serial.commits().perSecond(),
                        writeNote + "; commit "
                                + Numbers.percentiles(serial.commits().latencyMicros()) + "; server has "
                                + serial.settings()),
                new Row(
                        scenario,
                        writes.perSecond(),
                        "writes/s",
                        "serial 8 KiB write + fdatasync on the data dir's disk: the fsync-per-record cap (syncs/s)",
                        syncs.perSecond(),
                        "fdatasync " + Numbers.percentiles(syncs.latencyMicros())));
    }

    /** Polls /api/audit/verify until nothing is unchained, for at most {@link #CATCH_UP_LIMIT}. */
    static ChainState awaitChain(Api api, String token) throws Exception {
        long loadEnd = System.nanoTime();
        long giveUp = loadEnd + CATCH_UP_LIMIT.toNanos();
        long backlog = -1;
        while (true) {
            long asked = System.nanoTime();
            JsonNode v = api.getJson("/api/audit/verify", token);
            long answered = System.nanoTime();
            long unchained = v.path("unchainedRecords").asLong(-1);
            if (backlog < 0) {
                backlog = unchained;
            }
            if (unchained == 0) {
                return new ChainState(
                        true,
                        (answered - loadEnd) / 1e9,
                        backlog,
                        v.path("intact").asBoolean(false),
                        v.path("recordsChecked").asLong(),
                        (answered - asked) / 1e9);
            }
            if (answered > giveUp) {
                return new ChainState(false, Double.NaN, backlog, false, 0, (answered - asked) / 1e9);
            }
            Thread.sleep(250);
        }
    }
}
