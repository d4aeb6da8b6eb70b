package org.cityos.simulator.connect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.simulator.world.SimDevice;

/**
 * One MQTT connection per device (client id and user name its CityOS id, password its token), publishing QoS 1 to
 * {@code cityos/devices/<id>/telemetry}. Connections open a few hundred at a time, as devices coming back after an
 * outage would, not all at once.
 */
public final class MqttTransport implements Transport {
    private static final int CONNECTING_AT_ONCE = 200;
    private final MqttClients clients;
    private final Map<String, MqttClient> bySerial = new ConcurrentHashMap<>();
    private final Map<String, String> topicBySerial = new ConcurrentHashMap<>();
    private final Map<String, String> idBySerial = new ConcurrentHashMap<>();

    private MqttTransport(MqttClients clients) {
        this.clients = clients;
    }

    /** Connects every device in {@code devices}; fails if any connection is refused. */
    public static MqttTransport connect(
            String host,
            int port,
            List<SimDevice> devices,
            Map<String, String> idBySerial,
            Map<String, String> tokenBySerial,
            Consumer<String> progress) {
        MqttTransport t = new MqttTransport(new MqttClients(2));
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<MqttClient>> pending = new ArrayList<>();
        for (SimDevice d : devices) {
            String id = idBySerial.get(d.serial());
            String token = tokenBySerial.get(d.serial());
            if (id == null || token == null) {
                continue;
            }
            connecting.acquireUninterruptibly();
            MqttClientOptions options = MqttClientOptions.of(host, port, id)
                    .withCredentials(id, token.getBytes(StandardCharsets.UTF_8))
                    .withKeepAlive(Duration.ofSeconds(120))
                    .withMaxInFlight(20);
            CompletableFuture<MqttClient> c = t.clients.connect(options).toCompletableFuture();
            c.whenComplete((ok, error) -> connecting.release());
            pending.add(c.thenApply(client -> {
                t.bySerial.put(d.serial(), client);
                t.topicBySerial.put(d.serial(), "cityos/devices/" + id + "/telemetry");
                t.idBySerial.put(d.serial(), id);
                return client;
            }));
            if (pending.size() % 5_000 == 0) {
                progress.accept("mqtt: " + pending.size() + " connections opening");
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            t.close();
            throw new IllegalStateException("MQTT connections to " + host + ":" + port + " failed", e);
        }
        progress.accept("mqtt: " + t.bySerial.size() + " devices connected");
        return t;
    }

    @Override
    public CompletableFuture<Void> send(SimDevice device, byte[] json) {
        MqttClient client = bySerial.get(device.serial());
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(device.serial() + " is not connected"));
        }
        return client.publish(topicBySerial.get(device.serial()), json, 1).toCompletableFuture();
    }

    /** Publishes as {@code device} on its topic of {@code kind} (e.g. {@code gateway}), QoS 1. */
    public CompletableFuture<Void> sendAs(SimDevice device, String kind, byte[] json) {
        MqttClient client = bySerial.get(device.serial());
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(device.serial() + " is not connected"));
        }
        String topic = "cityos/devices/" + idBySerial.get(device.serial()) + "/" + kind;
        return client.publish(topic, json, 1).toCompletableFuture();
    }

    public boolean carries(SimDevice device) {
        return bySerial.containsKey(device.serial());
    }

    public int connections() {
        return bySerial.size();
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        bySerial.values().forEach(c -> closing.add(c.disconnect().toCompletableFuture()));
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            bySerial.values().forEach(MqttClient::kill); // whoever did not say goodbye in time is cut off
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        clients.close();
    }
}
