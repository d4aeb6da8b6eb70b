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
import org.cityos.benchmarks.load.LoadResult;

/**
 * The closed loop at speed: closed-loop clients each take a hotline case through all seven steps as separate
 * authorised HTTP calls — intake, dispatch, sign, start, reply, verify (follow-up), close — as the operator and the
 * department handler of the demo, with audit, outbox events and deadline timers on. Figure: cases/s (goal ≥ 50);
 * transitions/s and the per-call latency alongside (goal p99 ≤ 300 ms).
 */
public final class CaseLoopScenario {
    static final int STEPS = 7;

    private CaseLoopScenario() {}

    public static List<Row> run(Mode mode, CityOsProcess app) throws Exception {
        Api api = app.api();
        String operator = api.login("operator");
        String handler = api.login("dept-urban");
        Histogram perCall = new ConcurrentHistogram(3);
        ClosedLoop.Operation loop = (thread, seq) -> oneCase(api, operator, handler, thread + "-" + seq, perCall);
        int threads = mode.writeThreads();
        ClosedLoop.run(
                threads,
                mode.warmup(),
                mode.maxOpsPerSlice(),
                (t, s) -> oneCase(api, operator, handler, "w" + t + "-" + s, new Histogram(3)));
        perCall.reset();
        long pid = app.pid();
        long self = ProcessHandle.current().pid();
        double app0 = CpuMeter.seconds(pid);
        long postgres = app.postmasterPid();
        double pg0 = CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres);
        double client0 = CpuMeter.seconds(self);
        long started = System.nanoTime();
        LoadResult cases = ClosedLoop.run(threads, mode.writeLoad(), mode.maxOpsPerSlice(), loop);
        double wall = (System.nanoTime() - started) / 1e9;
        String cpu = String.format(
                java.util.Locale.ROOT,
                "; CPU (cores): CityOS JVM %.2f, its PostgreSQL %.2f, load client %.2f of %d",
                (CpuMeter.seconds(pid) - app0) / wall,
                (CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres) - pg0) / wall,
                (CpuMeter.seconds(self) - client0) / wall,
                Runtime.getRuntime().availableProcessors());
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

    static void oneCase(Api api, String operator, String handler, String ticket, Histogram perCall) throws Exception {
        long t = System.nanoTime();
        String id = api.postForJson(
                        "/api/casework/intake/hotline",
                        operator,
                        Map.of(
                                "ticket", "BENCH-" + ticket + "-" + System.nanoTime(),
                                "requestType", "COMPLAINT",
                                "title", "压测诉求",
                                "content", "小区内有违法饲养的犬只扰民",
                                "category", "E0602",
                                "urgency", "ROUTINE"),
                        201)
                .path("id")
                .asString();
        t = lap(perCall, t);
        String c = "/api/casework/cases/" + id;
        api.postJson(c + "/dispatch", operator, Map.of("unit", "dept:urban-management", "note", "请处理"), 200);
        t = lap(perCall, t);
        api.postJson(c + "/sign", handler, Map.of(), 200);
        t = lap(perCall, t);
        api.postJson(c + "/start", handler, Map.of("note", "已安排"), 200);
        t = lap(perCall, t);
        api.postJson(c + "/reply", handler, Map.of("reply", "已处理完毕"), 200);
        t = lap(perCall, t);
        api.postJson(c + "/verify", operator, Map.of("passed", true, "solved", true, "satisfaction", "SATISFIED"), 200);
        t = lap(perCall, t);
        api.postJson(c + "/close", operator, Map.of(), 200);
        lap(perCall, t);
    }

    private static long lap(Histogram h, long since) {
        long now = System.nanoTime();
        h.recordValue(Math.max(1, (now - since) / 1000));
        return now;
    }
}
