package org.cityos.iot.internal.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.cityos.iot.CommandTransport;
import org.cityos.iot.DeviceCommands;
import org.cityos.iot.DeviceCredentialCheck;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DownlinkCommand;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.TelemetryIngest;
import org.cityos.mqtt.MqttDeviceHandler;
import org.cityos.mqtt.MqttSession;

/**
 * What the embedded MQTT endpoint asks of CityOS. A device connects with its token (as username, as password,
 * or both — ThingsBoard style); it may publish as itself, and a gateway for the children registered behind it;
 * any other topic is spoofing and closes the connection. Messages are handed to ingest and acknowledged when
 * durable. Connected sessions also carry downlink commands, in the convention the device subscribed to.
 */
public final class DeviceEndpointHandler implements MqttDeviceHandler, CommandTransport {
    private static final String TB_RPC = "v1/devices/me/rpc/request/+";

    private final TelemetryIngest ingest;
    private final DeviceCommands commands;
    private final Clock clock;
    private final Executor background;
    private final Map<DeviceId, MqttSession> sessions = new ConcurrentHashMap<>();
    private final Set<MqttSession> thingsBoard = ConcurrentHashMap.newKeySet();

    public DeviceEndpointHandler(TelemetryIngest ingest, DeviceCommands commands, Clock clock, Executor background) {
        this.ingest = ingest;
        this.commands = commands;
        this.clock = clock;
        this.background = background;
    }

    @Override
    public Optional<Object> authenticate(String clientId, String username, byte[] password) {
        String secret =
                password == null || password.length == 0 ? username : new String(password, StandardCharsets.US_ASCII);
        Optional<DeviceCredentialCheck> check = ingest.authenticate(IngestChannel.MQTT, secret);
        if (check.isEmpty() && password != null && password.length > 0) {
            check = ingest.authenticate(IngestChannel.MQTT, username);
        }
        return check.map(c -> c);
    }

    @Override
    public void connected(MqttSession session) {
        DeviceId device = device(session);
        MqttSession previous = sessions.put(device, session);
        if (previous != null && previous != session) {
            previous.close();
        }
        background.execute(() -> commands.deliverQueued(device));
    }

    @Override
    public boolean mayPublish(MqttSession session, String topic) {
        Optional<DeviceTopic> parsed = DeviceTopic.parse(topic);
        if (parsed.isEmpty()) {
            ingest.refused(IngestChannel.MQTT, "topic");
            return false;
        }
        DeviceTopic t = parsed.get();
        if (t.device() == null) {
            return true;
        }
        DeviceCredentialCheck sender = (DeviceCredentialCheck) session.principal();
        if (t.device().equals(sender.deviceId().value())) {
            return true; // its own topic: the common case, decided without parsing
        }
        Optional<DeviceId> subject = DeviceId.parse(t.device());
        boolean allowed = subject.isPresent()
                && (t.reply() ? subject.get().equals(sender.deviceId()) : ingest.maySpeakFor(sender, subject.get()));
        if (!allowed) {
            ingest.refused(IngestChannel.MQTT, "spoofing");
        }
        return allowed;
    }

    @Override
    public boolean maySubscribe(MqttSession session, String filter) {
        String own = "cityos/devices/" + device(session).value() + "/";
        boolean allowed = filter.startsWith(own) || filter.startsWith("v1/devices/me/");
        if (allowed && filter.equals(TB_RPC)) {
            thingsBoard.add(session);
        }
        return allowed;
    }

    @Override
    public CompletionStage<Void> publish(MqttSession session, String topic, byte[] payload, int qos) {
        DeviceTopic t = DeviceTopic.parse(topic).orElseThrow();
        DeviceCredentialCheck sender = (DeviceCredentialCheck) session.principal();
        if (t.reply()) {
            CommandReply reply = CommandReply.parse(payload);
            return CompletableFuture.runAsync(
                    () -> commands.reply(sender.deviceId(), t.commandId(), reply.ok(), reply.result()), background);
        }
        DeviceId subject =
                t.device() == null || t.device().equals(sender.deviceId().value())
                        ? sender.deviceId()
                        : new DeviceId(t.device());
        String type = subject.equals(sender.deviceId())
                ? sender.typeCode()
                : ingest.typeOf(subject).orElse(sender.typeCode());
        InboundMessage message =
                InboundMessage.of(subject, type, t.kind(), IngestChannel.MQTT, payload, clock.instant());
        return ingest.accept(message).thenApply(outcome -> null);
    }

    @Override
    public void disconnected(MqttSession session) {
        thingsBoard.remove(session);
        sessions.remove(device(session), session);
    }

    @Override
    public Optional<CompletionStage<Void>> deliver(DownlinkCommand command) {
        MqttSession session = sessions.get(command.device());
        if (session == null || !session.isOpen()) {
            return Optional.empty();
        }
        Downlink.Message m = Downlink.of(command, thingsBoard.contains(session));
        return Optional.of(session.send(m.topic(), m.payload(), 1));
    }

    public int connectedDevices() {
        return sessions.size();
    }

    private static DeviceId device(MqttSession session) {
        return ((DeviceCredentialCheck) session.principal()).deviceId();
    }
}
