package org.cityos.benchmarks.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.LoadRun;
import org.cityos.benchmarks.ingest.MqttLoad;
import org.cityos.benchmarks.ingest.ReadingPayload;
import org.cityos.benchmarks.load.CityOsProcess;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.testkit.Mosquitto;

/**
 * The kill -9 check, scripted: devices publish QoS 1 with a unique {@code ts} per message and the load
 * records every PUBACKed (device, ts); CityOS is killed with SIGKILL mid-load and restarted on the same data
 * directory; then SQL counts what {@code iot_telemetry} holds. Loss = acknowledged − stored must be 0, else the
 * scenario fails (a crashed row). Twice: devices on CityOS's own MQTT endpoint (a PUBACK means committed), and
 * devices on an external Mosquitto that CityOS consumes from with a persistent session (the broker keeps and
 * redelivers what CityOS had not acknowledged when it died).
 */
public final class CrashLossScenario {
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(5);

    private CrashLossScenario() {}

    /** Devices, offered rate and how long the load runs, with the kill at {@code killAfter}. */
    record Sizes(int devices, double rate, Duration load, Duration killAfter) {
        static Sizes of(Mode mode) {
            return mode.isFull()
                    ? new Sizes(1_000, 2_000, Duration.ofSeconds(20), Duration.ofSeconds(8))
                    : new Sizes(20, 300, Duration.ofSeconds(4), Duration.ofMillis(1_500));
        }
    }

    /** (a) Devices on CityOS's embedded MQTT endpoint; the kill drops their connections. */
    public static List<Row> embedded(Mode mode, Path jar, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        String dir = "crash-embedded";
        IngestCity city = IngestCity.start(jar, work, dir, sizes.devices(), List.of());
        ReadingPayload payload = new ReadingPayload(System.currentTimeMillis());
        LoadRun run;
        long[] sent;
        MqttLoad load;
        try (MqttClients clients = new MqttClients(2)) {
            load = MqttLoad.connect(
                    clients,
                    MqttLoad.Settings.of("127.0.0.1", city.app().mqttPort()).withRecordAcks(true),
                    city.devices());
            load.sending((device, seq, sentAt) -> payload.encode(device, seq));
            Thread killer = killLater(city.app(), sizes.killAfter());
            run = load.run(sizes.rate(), sizes.load(), Duration.ofSeconds(2));
            killer.join();
            sent = sentSoFar(load);
            load.close();
        }
        CityOsProcess again = Cleanup.register(IngestCity.restart(jar, work, dir, city.dbPort(), List.of()));
        try {
            double restart = again.awaitReady(IngestCity.READY).toMillis() / 1e3;
            StoredReadings stored = StoredReadings.read(city.dbPort(), city.devices(), payload);
            StoredReadings.Comparison c = stored.against(load.ledger(), sent);
            return List.of(verdict(
                    "kill -9 loss, embedded MQTT endpoint: QoS 1 PUBACKed − stored after restart (" + sizes.devices()
                            + " devices, " + Numbers.figure(sizes.rate()) + " msg/s, SIGKILL at "
                            + Numbers.seconds(sizes.killAfter().toMillis() / 1e3) + ")",
                    c,
                    run,
                    "restarted in " + Numbers.seconds(restart)));
        } finally {
            Cleanup.close(again);
        }
    }

    /** (b) Devices on Mosquitto; CityOS consumes with a persistent session and is killed and restarted. */
    public static List<Row> externalBroker(Mode mode, Path jar, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        String dir = "crash-broker";
        Mosquitto broker = Cleanup.register(Mosquitto.start(
                Files.createDirectories(work.resolve("crash-mosquitto")), Mosquitto.Options.defaults()));
        try {
            List<String> extra = List.of(
                    "--cityos.iot.broker.host=127.0.0.1",
                    "--cityos.iot.broker.port=" + broker.port(),
                    "--cityos.iot.mqtt.enabled=false");
            IngestCity city = IngestCity.start(jar, work, dir, sizes.devices(), extra);
            ReadingPayload payload = new ReadingPayload(System.currentTimeMillis());
            LoadRun run;
            long[] sent;
            MqttLoad load;
            double subscribed;
            try (MqttClients clients = new MqttClients(2)) {
                subscribed = awaitSubscribed(clients, broker.port(), city, payload);
                load = MqttLoad.connect(
                        clients,
                        MqttLoad.Settings.of("127.0.0.1", broker.port()).withRecordAcks(true),
                        city.devices());
                load.sending((device, seq, sentAt) -> payload.encode(device, seq));
                Thread killer = killLater(city.app(), sizes.killAfter());
                // The devices keep publishing to the broker while CityOS is down.
                run = load.run(sizes.rate(), sizes.load(), Duration.ofSeconds(10));
                killer.join();
                sent = sentSoFar(load);
                load.close();
            }
            long acked = load.ledger().total();
            long queuedAtRestart =
                    acked - StoredReadings.count(city.dbPort(), Instant.ofEpochMilli(payload.baseMillis()));
            CityOsProcess again = Cleanup.register(IngestCity.restart(jar, work, dir, city.dbPort(), extra));
            try {
                double restart = again.awaitReady(IngestCity.READY).toMillis() / 1e3;
                double caughtUp = awaitQuiet(city.dbPort(), payload);
                StoredReadings stored = StoredReadings.read(city.dbPort(), city.devices(), payload);
                StoredReadings.Comparison c = stored.against(load.ledger(), sent);
                return List.of(verdict(
                        "kill -9 loss, external Mosquitto + persistent session: broker-PUBACKed − stored after restart ("
                                + sizes.devices() + " devices, " + Numbers.figure(sizes.rate()) + " msg/s, SIGKILL at "
                                + Numbers.seconds(sizes.killAfter().toMillis() / 1e3) + ", publishing on)",
                        c,
                        run,
                        "subscription live after " + Numbers.seconds(subscribed) + "; restarted in "
                                + Numbers.seconds(restart) + "; " + Numbers.figure(queuedAtRestart)
                                + " acknowledged messages not yet stored at restart, stored count settled "
                                + Numbers.seconds(caughtUp) + " after readiness"));
            } finally {
                Cleanup.close(again);
            }
        } finally {
            Cleanup.close(broker);
        }
    }

    private static Row verdict(String scenario, StoredReadings.Comparison c, LoadRun run, String more) {
        String notes = "acked " + Numbers.figure(c.acked()) + ", stored " + Numbers.figure(c.stored()) + ", lost "
                + c.lost() + ", duplicates " + c.duplicates() + ", stored without PUBACK (in flight at the kill) "
                + c.storedWithoutAck() + "; offered " + Numbers.figure(run.offered()) + ", failed " + run.failed()
                + " (connections dropped by the kill); " + more + "; counted by SQL on iot_telemetry (pm25 rows)";
        System.out.println("  " + notes);
        if (c.acked() == 0) {
            throw new IllegalStateException("nothing was acknowledged before the kill: " + run.firstError());
        }
        if (c.lost() > 0) {
            throw new IllegalStateException("LOST " + c.lost() + " acknowledged messages: " + notes);
        }
        return new Row(scenario, c.lost(), "messages lost", "publisher-acknowledged messages", c.acked(), notes);
    }

    /** SIGKILL to the CityOS JVM after {@code delay}, as an operator's kill -9 (its PostgreSQL is left orphaned). */
    private static Thread killLater(CityOsProcess app, Duration delay) {
        Thread killer = new Thread(
                () -> {
                    LockSupport.parkNanos(delay.toNanos());
                    ProcessHandle.of(app.pid()).ifPresent(p -> {
                        p.destroyForcibly();
                        try {
                            p.onExit().get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            System.err.println("CityOS did not die on SIGKILL: " + e);
                        }
                    });
                    System.out.println("  kill -9 " + app.pid());
                },
                "kill-9");
        killer.start();
        return killer;
    }

    private static long[] sentSoFar(MqttLoad load) {
        long[] sent = new long[load.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = load.sent(i);
        }
        return sent;
    }

    /**
     * CityOS subscribes to the broker some time after readiness; messages published before that reach no session
     * and would count as lost. A probe publishes readings dated before the load's (outside its ledger) until one
     * is stored. Returns the seconds that took.
     */
    private static double awaitSubscribed(MqttClients clients, int port, IngestCity city, ReadingPayload payload)
            throws Exception {
        long begin = System.nanoTime();
        Instant probes = Instant.ofEpochMilli(payload.baseMillis() - 600_000);
        ReadingPayload probe = new ReadingPayload(probes.toEpochMilli());
        MqttClient client = clients.connect(MqttClientOptions.of("127.0.0.1", port, "bench-probe"))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        try {
            String topic = city.devices().get(0).topic("cityos/devices/{id}/telemetry");
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            for (long seq = 0; System.nanoTime() < deadline; seq++) {
                client.publish(topic, probe.encode(0, seq), 1)
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                LockSupport.parkNanos(500_000_000);
                if (countBetween(city.dbPort(), probes, payload) > 0) {
                    return (System.nanoTime() - begin) / 1e9;
                }
            }
            throw new IllegalStateException("CityOS never stored a probe published to Mosquitto: not subscribed?");
        } finally {
            client.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static long countBetween(int dbPort, Instant from, ReadingPayload payload) throws Exception {
        return StoredReadings.count(dbPort, from)
                - StoredReadings.count(dbPort, Instant.ofEpochMilli(payload.baseMillis()));
    }

    /** Polls the stored count until it has not grown for 5 s (redelivery done); returns the seconds. */
    private static double awaitQuiet(int dbPort, ReadingPayload payload) throws Exception {
        long begin = System.nanoTime();
        long deadline = begin + CATCH_UP.toNanos();
        Instant from = Instant.ofEpochMilli(payload.baseMillis());
        long last = -1;
        long changed = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = StoredReadings.count(dbPort, from);
            if (now != last) {
                last = now;
                changed = System.nanoTime();
            }
            if (System.nanoTime() - changed > QUIET.toNanos()) {
                return (changed - begin) / 1e9;
            }
            LockSupport.parkNanos(200_000_000);
        }
        return (System.nanoTime() - begin) / 1e9;
    }
}
