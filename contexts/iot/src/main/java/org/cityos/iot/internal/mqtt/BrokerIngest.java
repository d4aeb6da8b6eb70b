package org.cityos.iot.internal.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.BrokerProperties;
import org.cityos.iot.CommandTransport;
import org.cityos.iot.DeviceCommands;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DownlinkCommand;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.TelemetryIngest;
import org.cityos.mqtt.client.Ack;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out MQTT: subscribes to device topics on an external broker (Mosquitto, EMQX) through a shared
 * subscription with a persistent session, and acknowledges each message only after ingest made it durable. A
 * message that could not be stored is not acknowledged; the connection is dropped and resumed, so the broker
 * delivers it again. The broker authenticates devices and its ACL keeps each to {@code cityos/devices/<own id>/#};
 * CityOS checks the topic's device exists (else dead letter). Commands go out through the same connection.
 */
public final class BrokerIngest implements CommandTransport, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrokerIngest.class);
    static final List<String> TOPICS = List.of(
            "cityos/devices/+/telemetry",
            "cityos/devices/+/attributes",
            "cityos/devices/+/events",
            "cityos/devices/+/gateway",
            "cityos/devices/+/commands/+/reply");

    private final BrokerProperties properties;
    private final TelemetryIngest ingest;
    private final DeviceCommands commands;
    private final Clock clock;
    private final MqttClients clients = new MqttClients(1);
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cityos-broker-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttClient client;
    private volatile boolean running = true;

    public BrokerIngest(BrokerProperties properties, TelemetryIngest ingest, DeviceCommands commands, Clock clock) {
        this.properties = properties;
        this.ingest = ingest;
        this.commands = commands;
        this.clock = clock;
    }

    /** Connects and subscribes; retries in the background until the broker answers. */
    public void start() {
        reconnects.execute(this::connect);
    }

    public boolean connected() {
        MqttClient c = client;
        return c != null && c.isConnected();
    }

    private void connect() {
        if (!running) {
            return;
        }
        MqttClientOptions options = MqttClientOptions.of(properties.host(), properties.port(), properties.clientId())
                .withCleanSession(false)
                .withKeepAlive(properties.keepAlive())
                .withMaxInFlight(properties.maxInFlight());
        if (properties.username() != null) {
            options = options.withCredentials(
                    properties.username(),
                    properties.password() == null ? null : properties.password().getBytes(StandardCharsets.UTF_8));
        }
        clients.connect(options)
                .thenCompose(c -> {
                    c.onMessage(this::received);
                    c.onConnectionLost(e -> lost(c, e));
                    client = c;
                    List<String> shared = TOPICS.stream()
                            .map(t -> "$share/" + properties.sharedGroup() + "/" + t)
                            .toList();
                    return c.subscribe(shared, 1);
                })
                .whenComplete((granted, failure) -> {
                    if (failure != null) {
                        log.warn(
                                "MQTT broker {}:{} not reachable ({}); retrying",
                                properties.host(),
                                properties.port(),
                                failure.toString());
                        retry();
                    } else {
                        log.info(
                                "Consuming device topics from MQTT broker {}:{} as {}",
                                properties.host(),
                                properties.port(),
                                properties.clientId());
                    }
                });
    }

    private void lost(MqttClient c, Throwable e) {
        if (client == c) {
            client = null;
        }
        if (running) {
            log.warn("MQTT broker connection lost ({}); resuming the session", e.toString());
            retry();
        }
    }

    private void retry() {
        if (running) {
            reconnects.schedule(this::connect, properties.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void received(String topic, byte[] payload, int qos, Ack ack) {
        Optional<DeviceTopic> parsed = DeviceTopic.parse(topic);
        Optional<DeviceId> device = parsed.map(DeviceTopic::device).flatMap(DeviceId::parse);
        if (parsed.isEmpty() || device.isEmpty()) {
            ingest.refused(IngestChannel.BROKER, "topic");
            ack.done();
            return;
        }
        DeviceTopic t = parsed.get();
        if (t.reply()) {
            CommandReply reply = CommandReply.parse(payload);
            commands.reply(device.get(), t.commandId(), reply.ok(), reply.result());
            ack.done();
            return;
        }
        Optional<String> type = ingest.typeOf(device.get());
        InboundMessage message = type.isPresent()
                ? InboundMessage.of(device.get(), type.get(), t.kind(), IngestChannel.BROKER, payload, clock.instant())
                : new InboundMessage(
                        null,
                        null,
                        t.kind(),
                        IngestChannel.BROKER,
                        null,
                        payload,
                        clock.instant(),
                        null,
                        null,
                        new InboundMessage.Rejection(
                                "UNKNOWN_DEVICE", "no device " + device.get().value()));
        MqttClient from = client;
        ingest.accept(message).whenComplete((outcome, failure) -> {
            if (failure == null) {
                ack.done();
            } else if (from != null) {
                // Not stored: drop the connection unacknowledged; the resumed session gets it again.
                from.kill();
            }
        });
    }

    @Override
    public Optional<CompletionStage<Void>> deliver(DownlinkCommand command) {
        MqttClient c = client;
        if (c == null || !c.isConnected()) {
            return Optional.empty();
        }
        Downlink.Message m = Downlink.of(command, false);
        return Optional.of(c.publish(m.topic(), m.payload(), 1));
    }

    @Override
    public void close() {
        running = false;
        reconnects.shutdownNow();
        MqttClient c = client;
        if (c != null) {
            c.disconnect();
        }
        clients.close();
    }
}
