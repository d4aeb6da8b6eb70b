package org.cityos.mqtt.server;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.mqtt.MqttDeviceHandler;
import org.cityos.mqtt.MqttSession;

/**
 * The application side for tests: one good token, topics under {@code v1/devices/me/}, and storage that either
 * succeeds at once or waits for the test to complete each message.
 */
final class ScriptedHandler implements MqttDeviceHandler {
    static final String TOKEN = "cod_good-token";
    static final String TELEMETRY = "v1/devices/me/telemetry";

    record Stored(MqttSession session, String topic, byte[] payload, int qos, CompletableFuture<Void> done) {}

    final BlockingQueue<MqttSession> connected = new LinkedBlockingQueue<>();
    final BlockingQueue<MqttSession> disconnected = new LinkedBlockingQueue<>();
    final BlockingQueue<Stored> stored = new LinkedBlockingQueue<>();
    final AtomicInteger publishes = new AtomicInteger();
    private volatile boolean holdStores;

    /** From now on each message's future stays open until the test completes it. */
    ScriptedHandler holdStores() {
        holdStores = true;
        return this;
    }

    @Override
    public Optional<Object> authenticate(String clientId, String username, byte[] password) {
        return TOKEN.equals(username) ? Optional.of("device:" + clientId) : Optional.empty();
    }

    @Override
    public void connected(MqttSession session) {
        connected.add(session);
    }

    @Override
    public boolean mayPublish(MqttSession session, String topic) {
        return topic.startsWith("v1/devices/me/");
    }

    @Override
    public boolean maySubscribe(MqttSession session, String topicFilter) {
        return topicFilter.startsWith("v1/devices/me/");
    }

    @Override
    public CompletionStage<Void> publish(MqttSession session, String topic, byte[] payload, int qos) {
        publishes.incrementAndGet();
        CompletableFuture<Void> done = holdStores ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        stored.add(new Stored(session, topic, payload, qos, done));
        return done;
    }

    @Override
    public void disconnected(MqttSession session) {
        disconnected.add(session);
    }

    Stored nextStored() {
        return take(stored);
    }

    MqttSession nextConnected() {
        return take(connected);
    }

    MqttSession nextDisconnected() {
        return take(disconnected);
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            T item = queue.poll(RawDevice.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("nothing arrived within " + RawDevice.WAIT);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
