package org.cityos.benchmarks.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;

/**
 * Subscribes to what the load publishes and acknowledges each message at once, counting them and the
 * end-to-end latency from the payload's {@code sentAt} (intended send time) to arrival. With a broker
 * alone it plays the part CityOS plays in scale-out mode: the consumer the broker must keep up with.
 */
public final class DrainingSubscriber implements AutoCloseable {
    /** What arrived since the previous snapshot. */
    public record Snapshot(long messages, Histogram endToEndMicros) {}

    private final MqttClient client;
    private final LongAdder received = new LongAdder();
    private final Recorder latency = new Recorder(3);

    private DrainingSubscriber(MqttClient client) {
        this.client = client;
    }

    /** Connects as {@code clientId} and subscribes to {@code filter} at {@code qos}. */
    public static DrainingSubscriber start(
            MqttClients clients, String host, int port, String clientId, String filter, int qos) throws Exception {
        MqttClient client = clients.connect(
                        MqttClientOptions.of(host, port, clientId).withKeepAlive(Duration.ofSeconds(60)))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        DrainingSubscriber subscriber = new DrainingSubscriber(client);
        client.onMessage((topic, payload, q, ack) -> {
            long sentAt = TelemetryPayload.sentAtMicros(payload);
            if (sentAt > 0) {
                subscriber.latency.recordValue(Math.max(0, MicroClock.nowMicros() - sentAt));
            }
            subscriber.received.increment();
            ack.done();
        });
        List<Integer> granted =
                client.subscribe(List.of(filter), qos).toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (granted.get(0) > 2) {
            client.kill();
            throw new IllegalStateException("broker refused the subscription to " + filter);
        }
        return subscriber;
    }

    /** Messages received so far. */
    public long received() {
        return received.sum();
    }

    /** Messages and latency since the previous snapshot (or since the start). */
    public Snapshot snapshot() {
        Histogram interval = latency.getIntervalHistogram();
        return new Snapshot(interval.getTotalCount(), interval);
    }

    /** Waits until {@code expected} messages arrived in total or {@code timeout} passed; returns the count then. */
    public long awaitReceived(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.sum() < expected && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        return received.sum();
    }

    @Override
    public void close() {
        try {
            client.disconnect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.kill();
        }
    }
}
