package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.load.Api;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import tools.jackson.databind.JsonNode;

/**
 * The probe: one waterlogging sensor on its own MQTT connection and one operator. Each crossing publishes a level
 * above the rule's threshold and takes the moment just before the publish as the start ("sent"); it polls {@code GET
 * /api/alerting/alarms?device=…&status=RAISED} every 20 ms until the alarm is there and asks the stream watch when
 * its {@code alarm-raised} event came; then publishes a level below the clear level, polls the alarm until CityOS
 * cleared it, and the operator resolves it, so the next crossing raises a new alarm instead of reopening this one
 * (reopening within ten minutes would soon make it flapping, and a flapping alarm is not pushed as raised).
 */
final class AlarmProbe implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(20);
    static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** Up to one stream poll period between crossings, so they do not fall into step with the stream's 500 ms. */
    private static final int JITTER_MILLIS = 500;

    /**
     * What the crossings measured, all in microseconds from the crossing's publish (sent) unless said otherwise.
     *
     * @param polled sent → the alarm listed by the polled API
     * @param streamed sent → its {@code alarm-raised} event on the stream
     * @param acked sent → PUBACK of the crossing reading (CityOS committed it and ran the rules)
     * @param ackToPolled PUBACK → listed by the polled API (alarm writer, poll interval, request), for the crossings
     *     listed after their PUBACK
     * @param listedBeforeAck crossings listed before their PUBACK came (the rules judge a reading on arrival)
     * @param polledToStreamed listed by the API → on the stream (outbox relay, feed, stream poll)
     * @param cleared low reading sent → the alarm CLEARED through the API
     * @param dispatched sent → the case casework's intake policy made of the alarm listed as dispatched to its unit
     */
    record Crossings(
            Histogram polled,
            Histogram streamed,
            Histogram acked,
            Histogram ackToPolled,
            Histogram polledToStreamed,
            Histogram cleared,
            Histogram dispatched,
            int attempted,
            int missedPoll,
            int missedStream,
            int missedCase,
            int listedBeforeAck,
            double seconds,
            String firstError) {

        int missed() {
            return missedPoll + missedStream;
        }
    }

    private final MqttClient connection;
    private final String deviceId;
    private final String topic;
    private final Api api;
    private final String operatorToken;
    private final AlarmStreamWatch stream;
    private long lastTs;

    private AlarmProbe(
            MqttClient connection, DeviceLogin device, Api api, String operatorToken, AlarmStreamWatch stream) {
        this.connection = connection;
        this.deviceId = device.deviceId();
        this.topic = device.topic("cityos/devices/{id}/telemetry");
        this.api = api;
        this.operatorToken = operatorToken;
        this.stream = stream;
    }

    static AlarmProbe connect(
            MqttClients clients,
            int mqttPort,
            DeviceLogin device,
            Api api,
            String operatorToken,
            AlarmStreamWatch stream)
            throws Exception {
        MqttClientOptions options = MqttClientOptions.of("127.0.0.1", mqttPort, device.deviceId())
                .withCredentials(device.deviceId(), device.token().getBytes(StandardCharsets.UTF_8))
                .withKeepAlive(Duration.ofSeconds(60));
        MqttClient client = clients.connect(options).toCompletableFuture().get(60, TimeUnit.SECONDS);
        return new AlarmProbe(client, device, api, operatorToken, stream);
    }

    /** Up to {@code times} crossings while {@code going} holds; {@code jitter} spaces them (seeded, repeatable). */
    Crossings cross(int times, Random jitter, BooleanSupplier going) throws Exception {
        Histogram polled = new Histogram(3);
        Histogram streamed = new Histogram(3);
        Histogram acked = new Histogram(3);
        Histogram ackToPolled = new Histogram(3);
        Histogram polledToStreamed = new Histogram(3);
        Histogram cleared = new Histogram(3);
        Histogram dispatched = new Histogram(3);
        AtomicReference<String> error = new AtomicReference<>();
        int missedCase = 0;
        int attempted = 0;
        int missedPoll = 0;
        int missedStream = 0;
        int listedBeforeAck = 0;
        long begin = System.nanoTime();
        for (int i = 0; i < times && going.getAsBoolean(); i++) {
            resolveOpen(error);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(jitter.nextInt(JITTER_MILLIS)));
            attempted++;
            long sent = System.nanoTime();
            CompletableFuture<Long> ack = publish(AlarmRules.PROBE_HIGH);
            long deadline = sent + GIVE_UP.toNanos();
            Listed listed = awaitListed(deadline, error);
            if (listed == null) {
                missedPoll++;
                missedStream++;
                publish(AlarmRules.PROBE_LOW);
                continue;
            }
            long ackAt = acked(ack, deadline);
            polled.recordValue(micros(listed.at() - sent));
            if (ackAt > 0) {
                acked.recordValue(micros(ackAt - sent));
                if (listed.at() >= ackAt) {
                    ackToPolled.recordValue(micros(listed.at() - ackAt));
                } else {
                    listedBeforeAck++;
                }
            }
            long pushed = stream.awaitRaised(listed.alarmId(), deadline);
            if (pushed < 0) {
                missedStream++;
            } else {
                streamed.recordValue(micros(pushed - sent));
                polledToStreamed.recordValue(micros(pushed - listed.at()));
            }
            long caseAt = awaitDispatchedCase(listed.alarmId(), deadline, error);
            if (caseAt < 0) {
                missedCase++;
            } else {
                dispatched.recordValue(micros(caseAt - sent));
            }
            long low = System.nanoTime();
            publish(AlarmRules.PROBE_LOW);
            long clearedAt = awaitCleared(listed.alarmId(), low + GIVE_UP.toNanos(), error);
            if (clearedAt > 0) {
                cleared.recordValue(micros(clearedAt - low));
            }
            resolve(listed.alarmId(), error);
            if (attempted % 50 == 0) {
                System.out.println("    " + attempted + " crossings, listed " + AlarmLatencyReport.spread(polled));
            }
        }
        return new Crossings(
                polled,
                streamed,
                acked,
                ackToPolled,
                polledToStreamed,
                cleared,
                dispatched,
                attempted,
                missedPoll,
                missedStream,
                missedCase,
                listedBeforeAck,
                (System.nanoTime() - begin) / 1e9,
                error.get());
    }

    /** The alarm as the polled API first listed it, and when. */
    private record Listed(String alarmId, long at) {}

    private Listed awaitListed(long deadline, AtomicReference<String> error) throws InterruptedException {
        String path = "/api/alerting/alarms?device=" + deviceId + "&status=RAISED&limit=5";
        for (long next = System.nanoTime();
                next < deadline;
                next = Math.max(next + POLL.toNanos(), System.nanoTime())) {
            LockSupport.parkNanos(next - System.nanoTime());
            try {
                JsonNode items = api.getJson(path, operatorToken).path("items");
                if (!items.isEmpty()) {
                    long at = System.nanoTime();
                    return new Listed(items.get(0).path("facts").path("alarmId").asString(), at);
                }
            } catch (IOException e) {
                error.compareAndSet(null, e.getMessage());
            }
        }
        return null;
    }

    /** When the alarm's case (external id = alarm id) is first listed with a unit holding it, or -1. */
    private long awaitDispatchedCase(String alarmId, long deadline, AtomicReference<String> error)
            throws InterruptedException {
        String path = "/api/casework/cases?channel=ALARM&limit=1&q=" + alarmId;
        for (long next = System.nanoTime();
                next < deadline;
                next = Math.max(next + POLL.toNanos(), System.nanoTime())) {
            LockSupport.parkNanos(next - System.nanoTime());
            try {
                JsonNode items = api.getJson(path, operatorToken).path("items");
                if (!items.isEmpty()
                        && !items.get(0).path("mainUnit").isNull()
                        && !items.get(0).path("mainUnit").isMissingNode()) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                error.compareAndSet(null, e.getMessage());
            }
        }
        return -1;
    }

    private long awaitCleared(String alarmId, long deadline, AtomicReference<String> error)
            throws InterruptedException {
        for (long next = System.nanoTime();
                next < deadline;
                next = Math.max(next + POLL.toNanos(), System.nanoTime())) {
            LockSupport.parkNanos(next - System.nanoTime());
            try {
                if ("CLEARED"
                        .equals(api.getJson("/api/alerting/alarms/" + alarmId, operatorToken)
                                .path("status")
                                .asString())) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                error.compareAndSet(null, e.getMessage());
            }
        }
        return -1;
    }

    /** Closes whatever a missed crossing left open, so the next crossing's poll cannot find an old alarm. */
    private void resolveOpen(AtomicReference<String> error) throws InterruptedException {
        try {
            JsonNode items = api.getJson(
                            "/api/alerting/alarms?device=" + deviceId + "&status=RAISED&status=ACKNOWLEDGED&limit=50",
                            operatorToken)
                    .path("items");
            for (JsonNode alarm : items) {
                resolve(alarm.path("facts").path("alarmId").asString(), error);
            }
        } catch (IOException e) {
            error.compareAndSet(null, e.getMessage());
        }
    }

    private void resolve(String alarmId, AtomicReference<String> error) throws InterruptedException {
        try {
            api.postJson("/api/alerting/alarms/" + alarmId + "/resolve", operatorToken, Map.of(), 200);
        } catch (IOException e) {
            error.compareAndSet(null, e.getMessage());
        }
    }

    /** Publishes a level with a fresh millisecond {@code ts}; completes with the PUBACK's nanoTime. */
    private CompletableFuture<Long> publish(double level) {
        long ts = Math.max(System.currentTimeMillis(), lastTs + 1);
        lastTs = ts;
        byte[] body = ("{\"ts\":" + ts + ",\"values\":{\"" + AlarmRules.PROBE_PROPERTY + "\":" + level + "}}")
                .getBytes(StandardCharsets.US_ASCII);
        return connection.publish(topic, body, 1).toCompletableFuture().thenApply(v -> System.nanoTime());
    }

    /** The PUBACK's nanoTime (it may come just after the alarm showed), or -1 if none by the deadline. */
    private static long acked(CompletableFuture<Long> ack, long deadline) throws InterruptedException {
        try {
            return ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        }
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    @Override
    public void close() {
        try {
            connection.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            connection.kill();
        }
    }
}
