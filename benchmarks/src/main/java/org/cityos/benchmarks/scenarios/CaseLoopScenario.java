package org.cityos.benchmarks.scenarios;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.CpuMeter;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.KeepAliveHttp;
import org.cityos.benchmarks.load.LoadResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed loop at speed: closed-loop clients each take a hotline case through all seven steps as separate
 * authorised HTTP calls — intake, dispatch, sign, start, reply, verify (follow-up), close — as the operator and the
 * department handler of the demo, with audit, outbox events and deadline timers on. Figure: cases/s (goal ≥ 50);
 * transitions/s and the per-call latency alongside (goal p99 ≤ 300 ms). Each client thread keeps one connection
 * alive ({@link KeepAliveHttp}), as a workbench's browser does.
 */
public final class CaseLoopScenario {
    static final int STEPS = 7;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseLoopScenario() {}

    public static List<Row> run(Mode mode, CityOsProcess app) throws Exception {
        Api api = app.api();
        String operator = api.login("operator");
        String handler = api.login("dept-urban");
        Histogram perCall = new ConcurrentHistogram(3);
        int threads = mode.writeThreads();
        KeepAliveHttp[] connections = new KeepAliveHttp[threads];
        for (int t = 0; t < threads; t++) {
            connections[t] = new KeepAliveHttp(app.port());
        }
        ClosedLoop.Operation loop =
                (thread, seq) -> oneCase(connections[thread], operator, handler, thread + "-" + seq, perCall);
        // Long enough for the JIT to finish compiling the request path (see SharedDataScenario).
        ClosedLoop.run(
                threads,
                mode.isFull() ? java.time.Duration.ofSeconds(60) : mode.warmup(),
                mode.maxOpsPerSlice(),
                (t, s) -> oneCase(connections[t], operator, handler, "w" + t + "-" + s, new Histogram(3)));
        perCall.reset();
        CpuMeter.Split cpuSplit = CpuMeter.split(app.pid(), app.postmasterPid());
        LoadResult cases = ClosedLoop.run(threads, mode.writeLoad(), mode.maxOpsPerSlice(), loop);
        String cpu = "; CPU (cores): " + cpuSplit.cores();
        for (KeepAliveHttp c : connections) {
            c.close();
        }
        Scenarios.requireSuccess("case loop", cases);
        return List.of(new Row(
                "casework: a hotline case through all 7 steps as separate authorised HTTP calls (audit, events,"
                        + " deadline timers), " + threads + " clients closed loop",
                cases.perSecond(),
                "cases/s",
                "goal (cases/s)",
                50,
                Numbers.figure(cases.perSecond() * STEPS) + " transitions/s; per call "
                        + Numbers.percentiles(perCall) + " (goal p99 ≤ 300 ms); per case "
                        + Numbers.percentiles(cases.latencyMicros()) + cpu + cases.errorNote()));
    }

    static void oneCase(KeepAliveHttp http, String operator, String handler, String ticket, Histogram perCall)
            throws Exception {
        long t = System.nanoTime();
        String id = JSON.readTree(post(
                        http,
                        "/api/casework/intake/hotline",
                        operator,
                        Map.of(
                                "ticket", "BENCH-" + ticket + "-" + System.nanoTime(),
                                "requestType", "COMPLAINT",
                                "title", "压测诉求",
                                "content", "小区内有违法饲养的犬只扰民",
                                "category", "E0602",
                                "urgency", "ROUTINE"),
                        201))
                .path("id")
                .asString();
        t = lap(perCall, t);
        String c = "/api/casework/cases/" + id;
        post(http, c + "/dispatch", operator, Map.of("unit", "dept:urban-management", "note", "请处理"), 200);
        t = lap(perCall, t);
        post(http, c + "/sign", handler, Map.of(), 200);
        t = lap(perCall, t);
        post(http, c + "/start", handler, Map.of("note", "已安排"), 200);
        t = lap(perCall, t);
        post(http, c + "/reply", handler, Map.of("reply", "已处理完毕"), 200);
        t = lap(perCall, t);
        post(http, c + "/verify", operator, Map.of("passed", true, "solved", true, "satisfaction", "SATISFIED"), 200);
        t = lap(perCall, t);
        post(http, c + "/close", operator, Map.of(), 200);
        lap(perCall, t);
    }

    private static String post(KeepAliveHttp http, String path, String token, Map<String, ?> body, int status)
            throws Exception {
        return http.exchange(
                        "POST", path, Map.of("Authorization", "Bearer " + token), JSON.writeValueAsString(body), status)
                .text();
    }

    private static long lap(Histogram h, long since) {
        long now = System.nanoTime();
        h.recordValue(Math.max(1, (now - since) / 1000));
        return now;
    }
}
