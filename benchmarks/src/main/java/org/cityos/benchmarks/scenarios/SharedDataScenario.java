package org.cityos.benchmarks.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.CpuMeter;
import org.cityos.benchmarks.load.Alternating;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.ClosedLoop.Operation;
import org.cityos.benchmarks.load.KeepAliveHttp;
import org.cityos.benchmarks.load.LoadResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared-data API end to end (issue 10 part 5): a steward catalogues a resource served by the {@code
 * iot.devices} source, another department asks for four of its fields, the request is approved with a quota and
 * rate limit above the load, the requester takes its key, 20 devices are registered, and closed-loop callers read 20-row pages with the key
 * alone ({@code GET /api/share/v1/{grant}/rows}: key look-up, period and field checks, limits, the view query, a
 * call-log insert). Baseline: the same page size of devices by a plain authorised GET of {@code /api/devices},
 * alternating slice by slice. Goal: p99 ≤ 50 ms at ≥ 2,000 calls/s.
 */
public final class SharedDataScenario {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SharedDataScenario() {}

    public static List<Row> run(Mode mode, CityOsProcess app) throws Exception {
        Api api = app.api();
        String token = api.login("steward");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://127.0.0.1:" + app.port();
        // 20 devices, so a page is full in both the shared call and the baseline.
        for (int i = 0; i < 20; i++) {
            api.postJson(
                    "/api/devices?allowNearDuplicate=true",
                    token,
                    Map.of(
                            "type",
                            AlarmRules.PROBE_TYPE,
                            "name",
                            "共享基准设备 " + i,
                            "lon",
                            116.30 + i * 0.001,
                            "lat",
                            39.72,
                            "department",
                            "urban-management"),
                    201);
        }
        String code = "3-09-099-" + String.format("%04d", System.currentTimeMillis() / 1000 % 9999 + 1);
        api.postJson(
                "/api/catalog/entries",
                token,
                Map.ofEntries(
                        Map.entry("code", code),
                        Map.entry("name", "基准共享设备目录"),
                        Map.entry("providerDepartment", "urban-management"),
                        Map.entry("summary", "城市管理部门登记的物联网设备清单，含类型、位置、状态等"),
                        Map.entry("format", "数据库"),
                        Map.entry("sharingType", "有条件共享"),
                        Map.entry("sharingCondition", "仅用于城市运行分析"),
                        Map.entry("openType", "不予开放"),
                        Map.entry("updateCycle", "实时"),
                        Map.entry("releaseDate", "2026-01-15"),
                        Map.entry("contact", Map.of("name", "王芳", "phone", "13812345678")),
                        Map.entry(
                                "items",
                                List.of(
                                        item("device_id", "设备编号"),
                                        item("name", "设备名称"),
                                        item("division", "所属区划"),
                                        item("state", "状态")))),
                201);
        send(
                client,
                HttpRequest.newBuilder(URI.create(base + "/api/catalog/shares/sources/" + code))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"source\": \"iot.devices\"}"))
                        .build(),
                204);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode request = api.postForJson(
                "/api/catalog/shares",
                token,
                Map.of(
                        "resourceCode",
                        code,
                        "requestingDepartment",
                        "water",
                        "purpose",
                        "基准：共享数据接口",
                        "fields",
                        List.of("device_id", "name", "division", "state"),
                        "periodFrom",
                        today.toString(),
                        "periodTo",
                        today.plusDays(30).toString()),
                201);
        String id = request.path("id").asString();
        api.postJson(
                "/api/catalog/shares/" + id + "/decision",
                token,
                Map.of("outcome", "APPROVED", "callsPerDay", 10_000_000, "callsPerSecond", 5_000),
                200);
        JsonNode key = api.postForJson("/api/catalog/shares/" + id + "/key", token, Map.of(), 201);
        String grant = key.path("grantId").asString();
        String secret = key.path("key").asString();
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/api/share/v1/" + grant + "/rows?limit=20"))
                .header("X-Share-Key", secret)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        int rows = JSON.readTree(send(client, page, 200)).path("rows").size();
        int threads = mode.readThreads();
        // One kept-alive connection per load thread and a client that costs microseconds (KeepAliveHttp), for
        // both operations alike: Java's HttpClient would take as much of the two cores as the server's work.
        KeepAliveHttp[] connections = new KeepAliveHttp[threads];
        for (int t = 0; t < threads; t++) {
            connections[t] = new KeepAliveHttp(app.port());
        }
        String rowsPath = "/api/share/v1/" + grant + "/rows?limit=20";
        Map<String, String> byKey = Map.of("X-Share-Key", secret);
        Map<String, String> byToken = Map.of("Authorization", "Bearer " + token);
        Operation shared = (thread, seq) -> connections[thread].get(rowsPath, byKey, 200);
        Operation plain = (thread, seq) -> connections[thread].get("/api/devices?limit=20", byToken, 200);
        long max = mode.maxOpsPerSlice();
        // Long enough for the JIT to finish compiling the request path: in a short warm-up its compiler threads
        // took more CPU than the requests themselves (JFR's per-thread CPU load).
        Duration warmup = mode.isFull() ? Duration.ofSeconds(45) : mode.warmup();
        for (Operation op : List.of(shared, plain)) {
            ClosedLoop.run(threads, warmup, max, op);
        }
        CpuMeter.Split cpuSplit = CpuMeter.split(app.pid(), app.postmasterPid());
        List<LoadResult> results = Alternating.run(
                mode.rounds(),
                List.of(
                        () -> ClosedLoop.run(threads, mode.slice(), max, shared),
                        () -> ClosedLoop.run(threads, mode.slice(), max, plain)));
        String cpu = "; CPU over both operations (cores): " + cpuSplit.cores();
        for (KeepAliveHttp c : connections) {
            c.close();
        }
        LoadResult api1 = results.get(0);
        LoadResult base1 = results.get(1);
        Scenarios.requireSuccess("shared-data GET", api1);
        Scenarios.requireSuccess("authorised GET /api/devices", base1);
        double p99 = api1.latencyMicros().getValueAtPercentile(99) / 1000.0;
        return List.of(new Row(
                "shared-data API: GET /api/share/v1/{grant}/rows?limit=20 by key only (" + rows
                        + " rows of 4 granted fields, call logged), " + threads
                        + " threads closed loop, kept-alive connections",
                api1.perSecond(),
                "calls/s",
                "authorised GET /api/devices?limit=20 with a bearer token, same server, client and threads (req/s)",
                base1.perSecond(),
                Numbers.percentiles(api1.latencyMicros()) + api1.errorNote() + "; p99 " + String.format("%.1f", p99)
                        + " ms (goal ≤ 50 ms at ≥ 2,000 calls/s); baseline "
                        + Numbers.percentiles(base1.latencyMicros()) + base1.errorNote() + cpu));
    }

    private static Map<String, Object> item(String name, String chinese) {
        return Map.of("name", name, "chineseName", chinese, "type", "STRING", "personal", false);
    }

    private static String send(HttpClient client, HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IllegalStateException("HTTP " + response.statusCode() + " from "
                    + request.uri().getPath() + ": " + body.substring(0, Math.min(160, body.length())));
        }
        return response.body();
    }
}
