package org.cityos.simulator.connect;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.simulator.world.SimDevice;

/**
 * Devices behind a gateway: their reports wait briefly at their gateway and go to CityOS together, as one
 * ThingsBoard-style gateway message ({@code {"<child serial>": {values…}, …}}) on the gateway's own connection
 * ({@code cityos/devices/<gateway id>/gateway}). Each child's report counts as acknowledged when that message is.
 */
public final class GatewayTransport implements Transport {
    private static final int MAX_CHILDREN_PER_MESSAGE = 500;

    private final MqttTransport mqtt;
    private final Map<String, SimDevice> gatewayOfChild;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher;

    /** The reports gathered for one gateway since its last message. */
    private static final class Pending {
        final Map<String, byte[]> reports = new LinkedHashMap<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();
    }

    /**
     * @param gatewayOfChild child serial → its gateway device (connected through {@code mqtt})
     * @param every how long reports wait at their gateway at most
     */
    public GatewayTransport(MqttTransport mqtt, Map<String, SimDevice> gatewayOfChild, Duration every) {
        this.mqtt = mqtt;
        this.gatewayOfChild = Map.copyOf(gatewayOfChild);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-gateways");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean carries(SimDevice device) {
        return gatewayOfChild.containsKey(device.serial());
    }

    @Override
    public CompletableFuture<Void> send(SimDevice device, byte[] json) {
        SimDevice gateway = gatewayOfChild.get(device.serial());
        if (gateway == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(device.serial() + " has no gateway"));
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Pending full = null;
        synchronized (pending) {
            Pending p = pending.computeIfAbsent(gateway.serial(), g -> new Pending());
            if (p.reports.containsKey(device.serial()) || p.reports.size() >= MAX_CHILDREN_PER_MESSAGE) {
                // A second report of the same child (or a full message) goes out first: one key per child.
                full = pending.remove(gateway.serial());
                p = pending.computeIfAbsent(gateway.serial(), g -> new Pending());
            }
            p.reports.put(device.serial(), json);
            p.acks.add(ack);
        }
        if (full != null) {
            publish(gateway, full);
        }
        return ack;
    }

    private void flushAll() {
        Map<String, Pending> due;
        synchronized (pending) {
            due = new LinkedHashMap<>(pending);
            pending.clear();
        }
        due.forEach((gatewaySerial, p) ->
                publish(gatewayOfChild.get(p.reports.keySet().iterator().next()), p));
    }

    private void publish(SimDevice gateway, Pending p) {
        StringBuilder message = new StringBuilder(p.reports.size() * 120).append('{');
        p.reports.forEach((serial, json) -> message.append(message.length() > 1 ? "," : "")
                .append('"')
                .append(serial) // SIM- serials need no JSON escaping
                .append("\":")
                .append(new String(json, StandardCharsets.UTF_8)));
        message.append('}');
        mqtt.sendAs(gateway, "gateway", message.toString().getBytes(StandardCharsets.UTF_8))
                .whenComplete((ok, error) -> p.acks.forEach(a -> {
                    if (error == null) {
                        a.complete(null);
                    } else {
                        a.completeExceptionally(error);
                    }
                }));
    }

    @Override
    public String name() {
        return "gateway";
    }

    /** Sends what is waiting, then stops; the gateways' connections belong to the MQTT transport. */
    @Override
    public void close() {
        flusher.shutdownNow();
        flushAll();
    }
}
