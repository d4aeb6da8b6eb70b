package org.cityos.benchmarks.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.ingest.DrainingSubscriber;
import org.cityos.benchmarks.ingest.LoadRun;
import org.cityos.benchmarks.ingest.MoquetteBroker;
import org.cityos.benchmarks.ingest.MqttLoad;
import org.cityos.benchmarks.ingest.RateSearch;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.testkit.FreePorts;
import org.cityos.testkit.Mosquitto;

/**
 * The brokers alone, before CityOS is in the path: Debian's Mosquitto (the scale-out mode's external broker)
 * and Moquette 0.17 (the embeddable Java broker) each take the same device load — N connections publishing
 * QoS 1 telemetry of three readings at a fixed, stepped-up rate — with one subscriber draining everything.
 * The figure is the highest rate either keeps up with (p99 publish → PUBACK within 1 s, 99% acknowledged):
 * the ceiling any ingest through that broker starts from.
 */
public final class BrokerAloneScenario {
    private static final String TOPICS = "cityos/devices/{id}/telemetry";

    private BrokerAloneScenario() {}

    /** Connections and the rate plan for one mode. */
    public record Sizes(int connections, int connectsPerSecond, Duration warmup, RateSearch.Plan plan) {
        public static Sizes of(Mode mode) {
            return mode.isFull()
                    ? new Sizes(
                            10_000,
                            2_000,
                            Duration.ofSeconds(5),
                            new RateSearch.Plan(2_000, 1.5, 10, Duration.ofSeconds(8), Duration.ofSeconds(5), 2))
                    : new Sizes(
                            100,
                            1_000,
                            Duration.ofMillis(500),
                            new RateSearch.Plan(200, 2, 2, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        }
    }

    /** What one broker achieved. */
    public record Result(String broker, RateSearch.Outcome outcome, double connectSeconds) {
        public double figure() {
            RateSearch.Step best = outcome.best();
            return best == null ? 0 : best.run().offeredRate();
        }

        String notes(int connections) {
            RateSearch.Step best = outcome.best();
            String at = best == null
                    ? "no step kept up"
                    : "at that rate publish→PUBACK "
                            + Numbers.percentiles(best.run().latencyMicros())
                            + ", publish→subscriber "
                            + Numbers.percentiles(best.drained().endToEndMicros())
                            + ", acked " + Numbers.figure(best.run().ackedRate()) + " msg/s";
            return at + "; " + Numbers.figure(connections) + " connections opened in " + Numbers.seconds(connectSeconds)
                    + "; steps: " + outcome.trail();
        }
    }

    /** Both brokers measured under the same load in this run. */
    public record Measured(Sizes sizes, Result mosquitto, Result moquette) {
        /** The faster broker's sustained rate: the ceiling CityOS's own endpoint is compared with. */
        public double fasterRate() {
            return Math.max(mosquitto.figure(), moquette.figure());
        }

        public String fasterName() {
            return mosquitto.figure() >= moquette.figure() ? mosquitto.broker() : moquette.broker();
        }

        public List<Row> rows() {
            String load = Numbers.figure(sizes.connections()) + " connections, QoS 1, 3 readings/msg";
            List<Row> rows = new ArrayList<>();
            rows.add(new Row(
                    "MQTT broker alone: Mosquitto max sustained publish rate (" + load + ")",
                    mosquitto.figure(),
                    "msg/s",
                    "none (the reference broker)",
                    Double.NaN,
                    mosquitto.notes(sizes.connections())));
            rows.add(new Row(
                    "MQTT broker alone: Moquette 0.17 (child JVM, in-memory) max sustained publish rate (" + load + ")",
                    moquette.figure(),
                    "msg/s",
                    "Mosquitto, same load, same run",
                    mosquitto.figure(),
                    moquette.notes(sizes.connections())));
            return rows;
        }
    }

    public static List<Row> run(Mode mode, Path work) throws Exception {
        return measure(mode, work).rows();
    }

    /** Mosquitto, then Moquette, each alone, with the mode's connections and rate plan. */
    public static Measured measure(Mode mode, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        List<DeviceLogin> devices = DeviceLogin.synthetic(sizes.connections());
        Result mosquitto;
        Mosquitto broker = Cleanup.register(Mosquitto.start(
                Files.createDirectories(work.resolve("mosquitto")),
                Mosquitto.Options.defaults().withAutosaveSeconds(60)));
        try {
            mosquitto = measure("Mosquitto", broker.port(), devices, sizes);
        } finally {
            Cleanup.close(broker);
        }
        Result moquette;
        MoquetteBroker java = Cleanup.register(MoquetteBroker.start(work.resolve("moquette"), FreePorts.next()));
        try {
            moquette = measure("Moquette 0.17", java.port(), devices, sizes);
        } finally {
            Cleanup.close(java);
        }
        return new Measured(sizes, mosquitto, moquette);
    }

    private static Result measure(String name, int port, List<DeviceLogin> devices, Sizes sizes) throws Exception {
        System.out.println(name + " on port " + port + ": " + devices.size() + " connections");
        try (MqttClients clients = new MqttClients(Runtime.getRuntime().availableProcessors());
                DrainingSubscriber drain = DrainingSubscriber.start(
                        clients, "127.0.0.1", port, "bench-drain", "cityos/devices/+/telemetry", 1)) {
            MqttLoad load = MqttLoad.connect(
                    clients,
                    MqttLoad.Settings.of("127.0.0.1", port)
                            .withTopicTemplate(TOPICS)
                            .withConnectsPerSecond(sizes.connectsPerSecond()),
                    devices);
            try {
                System.out.println("  connected in " + Numbers.seconds(load.connectSeconds()));
                // Unmeasured: JIT and the broker's first allocations.
                LoadRun warm = load.run(
                        sizes.plan().firstRate() / 2,
                        sizes.warmup(),
                        sizes.plan().drain());
                drain.awaitReceived(warm.acked(), sizes.plan().drain());
                drain.snapshot();
                RateSearch.Outcome outcome = RateSearch.climb(load, drain, sizes.plan());
                Scenarios.requireAcked(name, outcome);
                return new Result(name, outcome, load.connectSeconds());
            } finally {
                load.close();
            }
        }
    }
}
