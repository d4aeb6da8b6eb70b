package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.CpuMeter;
import org.cityos.benchmarks.ingest.HttpLoad;
import org.cityos.benchmarks.ingest.LoadRun;
import org.cityos.benchmarks.ingest.MqttLoad;
import org.cityos.benchmarks.ingest.PrometheusScrape;
import org.cityos.benchmarks.ingest.QueryableSampler;
import org.cityos.benchmarks.ingest.RateSearch;
import org.cityos.benchmarks.ingest.ReadingPayload;
import org.cityos.mqtt.client.MqttClients;

/**
 * MQTT into CityOS end to end: N devices with their own tokens connect to CityOS's MQTT endpoint (all connections
 * first, at a bounded ramp), then publish QoS 1 telemetry of three readings at a fixed offered rate that steps up
 * until CityOS no longer keeps up (p99 intended send → PUBACK above 1 s, or under 99% acknowledged). A PUBACK
 * comes after the commit, so every acknowledged message is a stored reading. A sampler measures publish →
 * queryable through the public telemetry API. Compared with the faster broker alone under the same load in the
 * same run: what storing every message costs over merely routing it.
 */
public final class IngestEndToEndScenario {
    private static final String BATCH_SIZE = "cityos_ingest_batch_size";
    private static final String BATCH_TIME = "cityos_ingest_batch_time_seconds";
    private static final double TARGET_RATE = 20_000;
    private static final double SAMPLES_PER_SECOND = 20;

    private IngestEndToEndScenario() {}

    /** One rate step with what it cost: CPU seconds per process and CityOS's own batch metrics. */
    record Step(
            LoadRun run,
            boolean sustained,
            Histogram queryable,
            double cityosCpu,
            double postgresCpu,
            double generatorCpu,
            double batchSize,
            double batchMillis,
            String loadAverage) {

        String cpuNotes() {
            double s = run.seconds();
            return "CPU during the step (cores): CityOS JVM " + Numbers.figure(cityosCpu / s) + ", its PostgreSQL "
                    + Numbers.figure(postgresCpu / s) + ", load generator " + Numbers.figure(generatorCpu / s)
                    + "; ingest batches mean " + Numbers.figure(batchSize) + " messages, "
                    + Numbers.figure(batchMillis) + " ms each; load average " + loadAverage;
        }
    }

    public static List<Row> run(Mode mode, IngestCity city, BrokerAloneScenario.Measured brokers) throws Exception {
        BrokerAloneScenario.Sizes sizes = BrokerAloneScenario.Sizes.of(mode);
        RateSearch.Plan plan = mode.isFull()
                ? new RateSearch.Plan(1_000, 1.5, 10, Duration.ofSeconds(8), Duration.ofSeconds(5), 2)
                : sizes.plan();
        ReadingPayload payload = new ReadingPayload(System.currentTimeMillis());
        int devices = city.devices().size();
        List<Step> steps = new ArrayList<>();
        double connectSeconds;
        try (MqttClients clients = new MqttClients(Runtime.getRuntime().availableProcessors())) {
            MqttLoad load = MqttLoad.connect(
                    clients,
                    MqttLoad.Settings.of("127.0.0.1", city.app().mqttPort())
                            .withConnectsPerSecond(sizes.connectsPerSecond()),
                    city.devices());
            try (QueryableSampler sampler = new QueryableSampler(
                    city.app().port(), city.stewardToken(), city.devices(), payload, SAMPLES_PER_SECOND)) {
                connectSeconds = load.connectSeconds();
                System.out.println(
                        "  " + devices + " MQTT connections to CityOS in " + Numbers.seconds(connectSeconds));
                load.sending((device, seq, sentAt) -> payload.encode(device, seq));
                LoadRun warm = load.run(plan.firstRate() / 2, sizes.warmup(), plan.drain());
                Scenarios.requireAcked("CityOS MQTT warm-up", warm);
                load.onAck(sampler);
                sampler.settle(Duration.ofSeconds(5));
                sampler.interval();
                double rate = plan.firstRate();
                double kept = 0;
                for (int i = 0; i < plan.maxSteps(); i++) {
                    Step step = step(city, load, sampler, rate, plan);
                    steps.add(step);
                    if (!step.sustained()) {
                        break;
                    }
                    kept = rate;
                    rate *= plan.factor();
                }
                // Close in on the edge between the last rate that kept up and the first that did not.
                double failed = steps.get(steps.size() - 1).sustained() ? 0 : rate;
                for (int i = 0; i < plan.refinements() && kept > 0 && failed > 0; i++) {
                    double middle = Math.sqrt(kept * failed);
                    Step step = step(city, load, sampler, middle, plan);
                    steps.add(step);
                    if (step.sustained()) {
                        kept = middle;
                    } else {
                        failed = middle;
                    }
                }
                load.onAck(null);
            } finally {
                load.close();
            }
        }
        if (steps.stream().allMatch(s -> s.run().acked() == 0)) {
            throw new IllegalStateException("CityOS acknowledged no message; first error: "
                    + steps.get(0).run().firstError());
        }
        return rows(mode, city, brokers, steps, devices, connectSeconds);
    }

    private static Step step(
            IngestCity city, MqttLoad load, QueryableSampler sampler, double rate, RateSearch.Plan plan)
            throws IOException, InterruptedException {
        long pid = city.app().pid();
        long postgres = postmaster(city);
        long self = ProcessHandle.current().pid();
        PrometheusScrape before = scrape(city);
        double app0 = CpuMeter.seconds(pid);
        double pg0 = CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres);
        double gen0 = CpuMeter.seconds(self);
        LoadRun run = load.run(rate, plan.step(), plan.drain());
        double app1 = CpuMeter.seconds(pid);
        double pg1 = CpuMeter.seconds(postgres) + CpuMeter.descendantSeconds(postgres);
        double gen1 = CpuMeter.seconds(self);
        String loadAverage = loadAverage();
        sampler.settle(Duration.ofSeconds(10));
        Histogram queryable = sampler.interval();
        PrometheusScrape after = scrape(city);
        // The bar: acknowledged and queryable, p99 within a second.
        boolean ok = run.sustained(RateSearch.MIN_ACKED, RateSearch.P99_LIMIT)
                && (queryable.getTotalCount() == 0
                        || queryable.getValueAtPercentile(99) <= RateSearch.P99_LIMIT.toNanos() / 1000);
        Step step = new Step(
                run,
                ok,
                queryable,
                app1 - app0,
                pg1 - pg0,
                gen1 - gen0,
                after.meanSince(before, BATCH_SIZE),
                1000 * after.meanSince(before, BATCH_TIME),
                loadAverage);
        System.out.println("  " + Math.round(rate) + " msg/s offered: acked " + Math.round(run.ackedRate()) + "/s ("
                + Math.round(1000 * run.ackedShare()) / 10.0 + "%), PUBACK " + Numbers.percentiles(run.latencyMicros())
                + ", queryable " + Numbers.percentiles(queryable) + " (" + queryable.getTotalCount() + " samples); "
                + step.cpuNotes() + (ok ? "" : " — not sustained"));
        return step;
    }

    private static List<Row> rows(
            Mode mode,
            IngestCity city,
            BrokerAloneScenario.Measured brokers,
            List<Step> steps,
            int devices,
            double connectSeconds) {
        Step best = null;
        for (Step s : steps) {
            if (s.sustained()) {
                best = s;
            }
        }
        double figure = best == null ? 0 : best.run().offeredRate();
        String trail = String.join(
                ", ",
                steps.stream()
                        .map(s -> Numbers.figure(s.run().offeredRate())
                                + (s.sustained()
                                        ? " ok"
                                        : " acked "
                                                + Numbers.figure(100 * s.run().ackedShare()) + "% p99 "
                                                + Numbers.millis(
                                                        s.run().latencyMicros().getValueAtPercentile(99))))
                        .toList());
        String load = Numbers.figure(devices) + " device connections with tokens, QoS 1, 3 readings/msg";
        String baseline = brokers == null
                ? "faster broker alone (not measured: brokers crashed)"
                : "faster broker alone under the same load, same run (" + brokers.fasterName() + ", msg/s)";
        double baselineFigure = brokers == null ? Double.NaN : brokers.fasterRate();
        String at = best == null
                ? "no step kept up"
                : "at that rate publish→PUBACK "
                        + Numbers.percentiles(best.run().latencyMicros())
                        + ", publish→queryable " + Numbers.percentiles(best.queryable()) + " ("
                        + best.queryable().getTotalCount() + " samples), acked "
                        + Numbers.figure(best.run().ackedRate()) + " msg/s; " + best.cpuNotes();
        String target = "target ≥ " + Numbers.figure(TARGET_RATE) + " msg/s with p99 ≤ 1 s: "
                + (figure >= TARGET_RATE ? "met" : "MISSED");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                "MQTT ingest end to end: CityOS max sustained publish rate, PUBACK after commit (" + load + ")",
                figure,
                "msg/s",
                baseline,
                baselineFigure,
                at + "; " + target + "; connections opened in " + Numbers.seconds(connectSeconds) + "; "
                        + city.setupNotes() + "; steps: " + trail));
        if (best != null && best.queryable().getTotalCount() > 0) {
            rows.add(new Row(
                    "MQTT ingest end to end: publish → queryable through GET /api/devices/{id}/telemetry, p99, at "
                            + Numbers.figure(figure) + " msg/s",
                    best.queryable().getValueAtPercentile(99) / 1000.0,
                    "ms",
                    "publish → PUBACK p99 at the same step (ms)",
                    best.run().latencyMicros().getValueAtPercentile(99) / 1000.0,
                    "lower is better; queryable " + Numbers.percentiles(best.queryable()) + " over "
                            + best.queryable().getTotalCount() + " sampled acked messages (~"
                            + Numbers.figure(SAMPLES_PER_SECOND) + "/s, polled every 10 ms from the PUBACK on, "
                            + "latency from the intended send time)"));
        }
        return rows;
    }

    static PrometheusScrape scrape(IngestCity city) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + city.app().port() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + city.adminToken())
                .GET()
                .build();
        HttpResponse<String> response = HttpLoad.client().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("  /actuator/prometheus answered HTTP " + response.statusCode());
            return PrometheusScrape.parse("");
        }
        return PrometheusScrape.parse(response.body());
    }

    /** The embedded PostgreSQL's postmaster: it runs detached from the CityOS JVM, so it is no descendant of it. */
    static long postmaster(IngestCity city) throws IOException {
        return city.app().postmasterPid();
    }

    /** The 1-minute load average with the core count: other agents share these cores. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
