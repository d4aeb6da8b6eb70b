package org.cityos.benchmarks.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;

/**
 * N device connections, each with its own client id, user name and password, publishing telemetry at a
 * fixed aggregate rate spread round-robin over the connections (so each device sends every N-th message).
 * Connections open at a bounded rate, as a city's devices would come back after an outage, not all at once.
 */
public final class MqttLoad implements AutoCloseable {
    /** Connects in flight at once during the ramp: the broker's accept backlog is not the thing measured. */
    private static final int CONNECTING_AT_ONCE = 500;

    /**
     * @param host broker or CityOS host
     * @param port MQTT port
     * @param topicTemplate topic per device, {@code {id}} replaced by the device id
     * @param qos 0 or 1
     * @param connectsPerSecond connection ramp
     * @param keepAlive MQTT keep-alive of every connection
     * @param maxInFlight unacknowledged QoS 1 publishes per connection
     * @param recordAcks keep an {@link AckLedger} of every acknowledged (device, seq) for loss checks
     */
    public record Settings(
            String host,
            int port,
            String topicTemplate,
            int qos,
            int connectsPerSecond,
            Duration keepAlive,
            int maxInFlight,
            boolean recordAcks) {

        /** QoS 1 to {@code cityos/devices/{id}/telemetry}, 2,000 connections/s, 60 s keep-alive, no ledger. */
        public static Settings of(String host, int port) {
            return new Settings(
                    host, port, "cityos/devices/{id}/telemetry", 1, 2_000, Duration.ofSeconds(60), 100, false);
        }

        public Settings withTopicTemplate(String template) {
            return new Settings(host, port, template, qos, connectsPerSecond, keepAlive, maxInFlight, recordAcks);
        }

        public Settings withRecordAcks(boolean record) {
            return new Settings(host, port, topicTemplate, qos, connectsPerSecond, keepAlive, maxInFlight, record);
        }

        public Settings withConnectsPerSecond(int rate) {
            return new Settings(host, port, topicTemplate, qos, rate, keepAlive, maxInFlight, recordAcks);
        }
    }

    /** The payload of message {@code seq} of {@code device}, sent at {@code sentAtMicros} (intended). */
    @FunctionalInterface
    public interface Payload {
        byte[] encode(int device, long seq, long sentAtMicros);
    }

    /** Told of every PUBACK: which message, and when it was due ({@link System#nanoTime()}). */
    @FunctionalInterface
    public interface AckListener {
        void acked(int device, long seq, long dueNanos);
    }

    private final Settings settings;
    private final List<MqttClient> connections;
    private volatile Payload payload = TelemetryPayload::encode;
    private volatile AckListener listener;
    private final String[] topics;
    private final long[] nextSeq;
    private final AckLedger ledger;
    private final double connectSeconds;

    private MqttLoad(Settings settings, List<MqttClient> connections, String[] topics, double connectSeconds) {
        this.settings = settings;
        this.connections = connections;
        this.topics = topics;
        this.nextSeq = new long[connections.size()];
        this.ledger = settings.recordAcks() ? new AckLedger(connections.size()) : null;
        this.connectSeconds = connectSeconds;
    }

    /** Opens one connection per login at the settings' ramp; fails if any connection is refused or times out. */
    public static MqttLoad connect(MqttClients clients, Settings settings, List<DeviceLogin> logins)
            throws InterruptedException {
        FileLimits.require(logins.size());
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<MqttClient>> pending = new ArrayList<>(logins.size());
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        double interval = 1e9 / settings.connectsPerSecond();
        long start = System.nanoTime();
        for (int i = 0; i < logins.size(); i++) {
            long wait = start + (long) (i * interval) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            connecting.acquire();
            DeviceLogin login = logins.get(i);
            MqttClientOptions options = MqttClientOptions.of(settings.host(), settings.port(), login.deviceId())
                    .withCredentials(login.deviceId(), login.token().getBytes(StandardCharsets.UTF_8))
                    .withKeepAlive(settings.keepAlive())
                    .withMaxInFlight(settings.maxInFlight());
            CompletableFuture<MqttClient> c = clients.connect(options).toCompletableFuture();
            c.whenComplete((ok, error) -> {
                connecting.release();
                if (error != null) {
                    firstError.compareAndSet(null, error);
                }
            });
            pending.add(c);
        }
        List<MqttClient> connected = new ArrayList<>(logins.size());
        long failed = 0;
        for (CompletableFuture<MqttClient> c : pending) {
            try {
                connected.add(c.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed > 0) {
            connected.forEach(MqttClient::kill);
            throw new IllegalStateException(
                    failed + " of " + logins.size() + " connections failed; first: " + firstError.get());
        }
        String[] topics =
                logins.stream().map(l -> l.topic(settings.topicTemplate())).toArray(String[]::new);
        return new MqttLoad(settings, connected, topics, seconds);
    }

    /** Publishes at {@code rate} messages/s for {@code duration}, then waits up to {@code drain} for PUBACKs. */
    public LoadRun run(double rate, Duration duration, Duration drain) {
        return run(rate, duration, drain, () -> false);
    }

    /** As {@link #run(double, Duration, Duration)}, sending no longer once {@code stop} says so. */
    public LoadRun run(double rate, Duration duration, Duration drain, BooleanSupplier stop) {
        int n = connections.size();
        return OpenLoad.run(rate, duration, drain, stop, (index, due) -> {
            int device = (int) (index % n);
            long seq = nextSeq[device]++;
            byte[] body = payload.encode(device, seq, MicroClock.at(due));
            var published = connections.get(device).publish(topics[device], body, settings.qos());
            if (ledger != null) {
                published = published.thenRun(() -> ledger.record(device, seq));
            }
            AckListener told = listener;
            if (told != null) {
                published = published.thenRun(() -> told.acked(device, seq, due));
            }
            return published;
        });
    }

    /** Sends {@code next} instead of {@link TelemetryPayload} from the next run on. */
    public MqttLoad sending(Payload next) {
        this.payload = next;
        return this;
    }

    /** Tells {@code next} (or nobody, when null) of every PUBACK from the next run on. */
    public MqttLoad onAck(AckListener next) {
        this.listener = next;
        return this;
    }

    /** Messages sent so far to {@code device}: the next sequence number. */
    public long sent(int device) {
        return nextSeq[device];
    }

    public int size() {
        return connections.size();
    }

    /** How long opening every connection took. */
    public double connectSeconds() {
        return connectSeconds;
    }

    /** The acknowledged (device, seq) pairs, if the settings asked for them. */
    public AckLedger ledger() {
        if (ledger == null) {
            throw new IllegalStateException("this load was set up without recordAcks");
        }
        return ledger;
    }

    /** Sends DISCONNECT on every connection and waits (briefly) for them to close. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>(connections.size());
        connections.forEach(c -> closing.add(c.disconnect().toCompletableFuture()));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            connections.forEach(MqttClient::kill);
        }
    }
}
