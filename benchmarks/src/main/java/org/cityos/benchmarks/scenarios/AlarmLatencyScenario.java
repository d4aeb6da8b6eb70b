package org.cityos.benchmarks.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.CpuMeter;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.ingest.LoadRun;
import org.cityos.benchmarks.ingest.MqttLoad;
import org.cityos.benchmarks.ingest.PrometheusScrape;
import org.cityos.benchmarks.ingest.RateSearch;
import org.cityos.benchmarks.ingest.ReadingPayload;
import org.cityos.benchmarks.load.Api;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.mqtt.client.MqttClients;
import tools.jackson.databind.JsonNode;

/**
 * Threshold crossing → alarm visible through the API, while MQTT ingest runs at issue 5's rate: one CityOS with the
 * ingest scenario's devices, a hundred rules the load's readings never cross (so the engine tests every rule on
 * every message) and a waterlogging rule on a probe device. The probe crosses the threshold again and again, first
 * with no other load (the baseline), then under a fixed-rate open-model load; each crossing is timed from its
 * publish to the alarm being listed by the polled API and to its event on the live stream. The probe runs in a JVM of
 * its own ({@link ProbeProcess}), so the load generator's collections do not stop its clock.
 */
public final class AlarmLatencyScenario {
    /**
     * Issue 5's maximum sustained MQTT ingest rate on this machine: the full run of 2026-11-25 (benchmarks/README.md;
     * 13,951 msg/s on 2026-11-24). The whole suite runs this scenario right after that one, but with its own rate
     * fixed here, so that a part run ({@code alerting}) loads CityOS alike.
     */
    static final double ISSUE_5_RATE = 18_909;
    /** The second loaded window runs at this share of the chosen rate: busy, but with headroom left. */
    static final double MODERATE = 0.7;

    private static final long SEED = 20_261_124;
    private static final Duration STEP = Duration.ofSeconds(8);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private AlarmLatencyScenario() {}

    /**
     * @param devices load devices (and connections)
     * @param crossings measured crossings, with and without load each
     * @param warmupCrossings unmeasured crossings after the warm-up load
     * @param rate the background rate when it is not searched (tiny)
     * @param warmup the warm-up load's length (at a quarter of the rate)
     * @param settle load before the first loaded crossing
     * @param maxLoad the background load stops after this even if the probe is not done
     */
    record Sizes(
            int devices,
            int crossings,
            int warmupCrossings,
            double rate,
            Duration warmup,
            Duration settle,
            Duration maxLoad) {
        static Sizes of(Mode mode) {
            return mode.isFull()
                    ? new Sizes(
                            10_000,
                            200,
                            10,
                            ISSUE_5_RATE,
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(3),
                            Duration.ofMinutes(20))
                    : new Sizes(100, 10, 2, 500, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(3));
        }
    }

    /** The loaded crossings with what the load and CityOS did meanwhile. */
    record Window(
            AlarmProbe.Crossings crossings,
            LoadRun load,
            double ingestedRate,
            double cityosCores,
            double postgresCores,
            double generatorCores,
            double batchSize,
            double batchMillis,
            double findings,
            String loadAverage) {}

    public static List<Row> run(Mode mode, Path jar, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        IngestCity city = IngestCity.start(jar, work, "alarms", sizes.devices(), List.of());
        try {
            Api api = city.app().api();
            String operator = api.login("operator");
            int rules = enableRules(api, operator);
            DeviceLogin probeDevice = enrolProbe(api, city.stewardToken());
            System.out.println("  " + rules + " rules enabled; probe device " + probeDevice.deviceId());
            ReadingPayload payload = new ReadingPayload(System.currentTimeMillis());
            try (MqttClients clients = new MqttClients(Runtime.getRuntime().availableProcessors())) {
                MqttLoad load = MqttLoad.connect(
                        clients,
                        MqttLoad.Settings.of("127.0.0.1", city.app().mqttPort())
                                .withConnectsPerSecond(
                                        BrokerAloneScenario.Sizes.of(mode).connectsPerSecond()),
                        city.devices());
                load.sending((device, seq, sentAt) -> payload.encode(device, seq));
                try (ProbeProcess probe = ProbeProcess.start(
                        city.app().port(),
                        city.app().mqttPort(),
                        probeDevice,
                        operator,
                        work.resolve("alarms").resolve("probe-gc.log"))) {
                    Scenarios.requireAcked("alarm latency warm-up", load.run(sizes.rate() / 4, sizes.warmup(), DRAIN));
                    awaitQuiet(city);
                    probe.cross(sizes.warmupCrossings(), SEED - 1, () -> true);
                    AlarmProbe.Crossings quiet = probe.cross(sizes.crossings(), SEED, () -> true);
                    System.out.println("  without load: listed " + AlarmLatencyReport.spread(quiet.polled())
                            + ", streamed " + AlarmLatencyReport.spread(quiet.streamed()));
                    BackgroundRate.Rate rate = mode.isFull()
                            ? BackgroundRate.choose(ISSUE_5_RATE, r -> check(city, load, r))
                            : new BackgroundRate.Rate(sizes.rate(), "tiny mode's fixed rate");
                    awaitQuiet(city);
                    Window loaded = underLoad(city, load, probe, rate.rate(), sizes);
                    System.out.println("  under load: listed "
                            + AlarmLatencyReport.spread(loaded.crossings().polled())
                            + ", streamed "
                            + AlarmLatencyReport.spread(loaded.crossings().streamed())
                            + "; CityOS ingested " + Numbers.figure(loaded.ingestedRate()) + " msg/s");
                    awaitQuiet(city);
                    Window moderate = underLoad(city, load, probe, rate.rate() * MODERATE, sizes);
                    System.out.println("  under " + Math.round(MODERATE * 100) + "% of that load: listed "
                            + AlarmLatencyReport.spread(moderate.crossings().polled())
                            + ", streamed "
                            + AlarmLatencyReport.spread(moderate.crossings().streamed())
                            + "; CityOS ingested " + Numbers.figure(moderate.ingestedRate()) + " msg/s");
                    require("without load", quiet);
                    require("under load", loaded.crossings());
                    require("under moderate load", moderate.crossings());
                    return new AlarmLatencyReport(
                                    rules, rate, quiet, loaded, moderate, probe.reconnects(), city.setupNotes())
                            .rows();
                } finally {
                    load.close();
                }
            }
        } finally {
            List<String> problems = city.app().problems();
            if (!problems.isEmpty()) {
                System.out.println("CityOS logged " + problems.size() + " WARN/ERROR lines in the alarm scenario:");
                problems.stream().limit(20).forEach(l -> System.out.println("  " + l));
            }
            Cleanup.close(city.app());
        }
    }

    /** The load rules and the probe rule, saved and enabled by the operator; answers how many. */
    static int enableRules(Api api, String operator) throws Exception {
        List<AlarmRules.Draft> all = new ArrayList<>(AlarmRules.forLoad());
        all.add(AlarmRules.probe());
        String probeRule = null;
        for (AlarmRules.Draft rule : all) {
            probeRule = api.postForJson("/api/alerting/rules", operator, rule.json(), 201)
                    .path("id")
                    .asString();
        }
        // Casework's own policy turns the probe's alarms into urgent waterlogging cases, which the default dispatch
        // rules give to the water bureau: the case row measures alarm → case dispatched.
        api.postJson(
                "/api/casework/intake-policies",
                operator,
                Map.of("matchKey", "rule", "matchValue", probeRule, "categoryCode", "E0405", "urgency", "URGENT"),
                201);
        return all.size();
    }

    /** A waterlogging sensor registered by the data steward, with a device token of its own. */
    static DeviceLogin enrolProbe(Api api, String steward) throws Exception {
        JsonNode device = api.postForJson(
                "/api/devices?allowNearDuplicate=true",
                steward,
                Map.of(
                        "type", AlarmRules.PROBE_TYPE,
                        "name", "bench 积水探针",
                        "vendor", "bench",
                        "serial", "BENCH-PROBE-1",
                        "lon", 116.34,
                        "lat", 39.73,
                        "department", "water"),
                201);
        String id = device.path("id").asString();
        String token = api.postForJson("/api/devices/" + id + "/credentials", steward, Map.of(), 201)
                .path("token")
                .asString();
        return new DeviceLogin(id, token);
    }

    /** One 8 s step of the rate choice, judged by issue 5's bar, then CityOS left to work off any backlog. */
    private static BackgroundRate.Checked check(IngestCity city, MqttLoad load, double rate) throws Exception {
        LoadRun run = load.run(rate, STEP, DRAIN);
        boolean ok = run.sustained(RateSearch.MIN_ACKED, RateSearch.P99_LIMIT);
        String how = "acked " + Numbers.figure(100 * run.ackedShare()) + "% p99 "
                + Numbers.millis(run.latencyMicros().getValueAtPercentile(99));
        System.out.println("  rate check " + Math.round(rate) + " msg/s: " + how + (ok ? "" : " — not sustained"));
        awaitQuiet(city);
        return new BackgroundRate.Checked(ok, how);
    }

    /**
     * Waits (at most a minute) until CityOS stores no more messages from one second to the next: a step it could not
     * keep up with leaves a backlog that would otherwise count against the next step.
     */
    static void awaitQuiet(IngestCity city) throws Exception {
        double last = -1;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            double stored = IngestEndToEndScenario.scrape(city).value("cityos_ingest_messages_total");
            if (stored == last) {
                return;
            }
            last = stored;
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // polling with a deadline: no event to wait on
        }
    }

    private static Window underLoad(IngestCity city, MqttLoad load, ProbeProcess probe, double rate, Sizes sizes)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<LoadRun> background = new CompletableFuture<>();
        Thread sender = new Thread(
                () -> {
                    try {
                        background.complete(load.run(rate, sizes.maxLoad(), DRAIN, stop::get));
                    } catch (RuntimeException | Error e) {
                        background.completeExceptionally(e);
                    }
                },
                "alarm-background-load");
        sender.start();
        LockSupport.parkNanos(sizes.settle().toNanos());
        long pid = city.app().pid();
        long postgres = IngestEndToEndScenario.postmaster(city);
        long self = ProcessHandle.current().pid();
        PrometheusScrape before = IngestEndToEndScenario.scrape(city);
        double app0 = CpuMeter.seconds(pid);
        double pg0 = CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres);
        double gen0 = CpuMeter.seconds(self);
        long begin = System.nanoTime();
        AlarmProbe.Crossings crossings;
        try {
            crossings = probe.cross(sizes.crossings(), SEED, () -> !background.isDone());
        } finally {
            stop.set(true);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double app1 = CpuMeter.seconds(pid);
        double pg1 = CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres);
        double gen1 = CpuMeter.seconds(self);
        String loadAverage = IngestEndToEndScenario.loadAverage();
        PrometheusScrape after = IngestEndToEndScenario.scrape(city);
        LoadRun run = background.get();
        return new Window(
                crossings,
                run,
                (after.value("cityos_ingest_messages_total") - before.value("cityos_ingest_messages_total")) / seconds,
                (app1 - app0) / seconds,
                (pg1 - pg0) / seconds,
                (gen1 - gen0) / seconds,
                after.meanSince(before, "cityos_ingest_batch_size"),
                1000 * after.meanSince(before, "cityos_ingest_batch_time_seconds"),
                after.value("cityos_alerting_findings_written_total")
                        - before.value("cityos_alerting_findings_written_total"),
                loadAverage);
    }

    /** Crossings none of which showed measured nothing: rules, tokens or the API are broken, a crash. */
    private static void require(String what, AlarmProbe.Crossings c) {
        if (c.polled().getTotalCount() == 0) {
            throw new IllegalStateException("no alarm of " + c.attempted() + " crossings " + what
                    + " became visible; first error: " + c.firstError());
        }
    }
}
