package org.cityos.mqtt.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 connection, made by {@link MqttClients#connect}. Every method may be called from any thread;
 * the connection's state is only touched on its event loop thread, so nothing here locks. A connection that
 * is lost stays lost: the caller connects again (with {@code cleanSession=false} and the same client id the
 * broker resumes the session and redelivers what was not acknowledged).
 */
public final class MqttClient {
    private static final Logger log = LoggerFactory.getLogger(MqttClient.class);

    /** A QoS 1 publish waiting for its turn or for its PUBACK. */
    private record Outbound(String topic, byte[] payload, CompletableFuture<Void> done) {}

    private final Channel channel;
    private final MqttClientOptions options;
    private final MqttClients owner;
    private final CompletableFuture<MqttClient> connected;
    private final Map<Integer, Outbound> inFlight = new HashMap<>();
    private final ArrayDeque<Outbound> waiting = new ArrayDeque<>();
    private final Map<Integer, CompletableFuture<List<Integer>>> subscribing = new HashMap<>();
    private final ArrayDeque<MqttPublishMessage> early = new ArrayDeque<>();
    private final InboundAcks acks;
    private MqttInbound inbound;
    private int lastPacketId;
    private boolean counted;
    private volatile boolean open;
    private volatile boolean disconnecting;
    private volatile Consumer<Throwable> lost = cause -> {};

    MqttClient(Channel channel, MqttClientOptions options, MqttClients owner, CompletableFuture<MqttClient> result) {
        this.channel = channel;
        this.options = options;
        this.owner = owner;
        this.connected = result;
        this.acks = new InboundAcks(this::sendPubAck);
    }

    ClientChannelHandler handler() {
        return new ClientChannelHandler(this);
    }

    public String clientId() {
        return options.clientId();
    }

    /** True between an accepted CONNACK and the connection's end. */
    public boolean isConnected() {
        return open && channel.isActive();
    }

    /**
     * Publishes {@code payload}. QoS 0 completes once written to the socket, QoS 1 once the broker's PUBACK
     * arrived; beyond {@code maxInFlight} unacknowledged publishes, new ones wait in order inside the client.
     * Fails with {@link ConnectionLost} if the connection ends first (QoS 1: the broker may or may not have it).
     */
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("only QoS 0 and 1 are supported, not " + qos);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            if (!isConnected()) {
                done.completeExceptionally(new ConnectionLost(clientId(), null));
            } else if (qos == 0) {
                owner.published.increment();
                channel.writeAndFlush(Packets.publish(topic, payload, MqttQoS.AT_MOST_ONCE, 0))
                        .addListener(f -> complete(done, f.cause()));
            } else {
                waiting.addLast(new Outbound(topic, payload, done));
                sendWaiting();
            }
        });
        return done;
    }

    /** Subscribes to {@code filters} (shared subscriptions as {@code $share/<group>/<filter>}); completes with the granted QoS per filter, 128 meaning refused. */
    public CompletionStage<List<Integer>> subscribe(List<String> filters, int qos) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("no filters to subscribe to");
        }
        CompletableFuture<List<Integer>> done = new CompletableFuture<>();
        onLoop(() -> {
            if (!isConnected()) {
                done.completeExceptionally(new ConnectionLost(clientId(), null));
                return;
            }
            int id = nextPacketId();
            subscribing.put(id, done);
            channel.writeAndFlush(Packets.subscribe(id, filters, qos))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        });
        return done;
    }

    /**
     * Sets the receiver of subscribed messages. Messages that arrive before it is set (a persistent session
     * delivers right after CONNACK) are kept and handed over as soon as it is.
     */
    public void onMessage(MqttInbound handler) {
        onLoop(() -> {
            inbound = handler;
            while (!early.isEmpty()) {
                deliver(early.pollFirst());
            }
        });
    }

    /** Called once, with the cause, when the connection ends other than by {@link #disconnect()}. */
    public void onConnectionLost(Consumer<Throwable> callback) {
        this.lost = callback;
    }

    /** Sends DISCONNECT and closes; the broker discards the will and keeps a persistent session. */
    public CompletionStage<Void> disconnect() {
        disconnecting = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            if (!channel.isActive()) {
                done.complete(null);
                return;
            }
            channel.writeAndFlush(Packets.disconnect())
                    .addListener(ChannelFutureListener.CLOSE)
                    .addListener(f -> done.complete(null));
        });
        return done;
    }

    /** Closes the socket without DISCONNECT, as a crashed process would. */
    public void kill() {
        channel.close();
    }

    // ---- event loop side, called by ClientChannelHandler ----

    void channelActive() {
        owner.opened();
        counted = true;
        channel.writeAndFlush(Packets.connect(options)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        channel.eventLoop()
                .schedule(
                        () -> {
                            if (!connected.isDone()) {
                                connected.completeExceptionally(new TimeoutException(
                                        "no CONNACK for '" + clientId() + "' within " + options.connectTimeout()));
                                channel.close();
                            }
                        },
                        options.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    void connAck(MqttConnAckMessage ack) {
        MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
        if (code == MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            open = true;
            connected.complete(this);
        } else {
            connected.completeExceptionally(new ConnectionRefused(clientId(), code.byteValue() & 0xff, code.name()));
            channel.close();
        }
    }

    void pubAck(int packetId) {
        Outbound out = inFlight.remove(packetId);
        if (out == null) {
            log.debug("PUBACK for unknown packet {} on {}", packetId, clientId());
            return;
        }
        owner.acknowledged.increment();
        out.done().complete(null);
        sendWaiting();
    }

    void subAck(MqttSubAckMessage ack) {
        CompletableFuture<List<Integer>> done =
                subscribing.remove(ack.variableHeader().messageId());
        if (done != null) {
            done.complete(List.copyOf(ack.payload().grantedQoSLevels()));
        }
    }

    void publishReceived(MqttPublishMessage message) {
        owner.received.increment();
        if (inbound == null) {
            early.addLast(message.retain());
        } else {
            deliver(message.retain());
        }
    }

    void closed(Throwable cause) {
        boolean wasOpen = open;
        open = false;
        if (counted) {
            owner.closed();
            counted = false;
        }
        ConnectionLost failure = new ConnectionLost(clientId(), cause);
        connected.completeExceptionally(failure);
        inFlight.values().forEach(o -> o.done().completeExceptionally(failure));
        waiting.forEach(o -> o.done().completeExceptionally(failure));
        subscribing.values().forEach(f -> f.completeExceptionally(failure));
        inFlight.clear();
        waiting.clear();
        subscribing.clear();
        early.forEach(MqttPublishMessage::release);
        early.clear();
        acks.clear();
        if (wasOpen && !disconnecting) {
            try {
                lost.accept(cause == null ? failure : cause);
            } catch (RuntimeException e) {
                log.warn("connection-lost callback of {} failed", clientId(), e);
            }
        }
    }

    private void deliver(MqttPublishMessage message) {
        try {
            String topic = message.variableHeader().topicName();
            byte[] payload = ByteBufUtil.getBytes(message.payload());
            int qos = message.fixedHeader().qosLevel().value();
            Ack ack = Ack.NONE;
            if (qos > 0) {
                Object marker = acks.received(message.variableHeader().packetId());
                ack = () -> onLoop(() -> {
                    if (channel.isActive() && acks.done(marker) > 0) {
                        channel.flush();
                    }
                });
            }
            inbound.onMessage(topic, payload, qos, ack);
        } catch (RuntimeException e) {
            log.warn("message handler of {} failed; the message stays unacknowledged", clientId(), e);
        } finally {
            message.release();
        }
    }

    private void sendWaiting() {
        while (!waiting.isEmpty() && inFlight.size() < options.maxInFlight()) {
            Outbound out = waiting.pollFirst();
            int id = nextPacketId();
            inFlight.put(id, out);
            owner.published.increment();
            channel.write(Packets.publish(out.topic(), out.payload(), MqttQoS.AT_LEAST_ONCE, id))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        channel.flush();
    }

    private void sendPubAck(int packetId) {
        channel.write(Packets.pubAck(packetId));
    }

    /** The next packet identifier not in use by a publish or subscribe awaiting its answer. */
    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId == 65_535 ? 1 : lastPacketId + 1;
        } while (inFlight.containsKey(lastPacketId) || subscribing.containsKey(lastPacketId));
        return lastPacketId;
    }

    private static void complete(CompletableFuture<Void> done, Throwable cause) {
        if (cause == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(cause);
        }
    }

    private void onLoop(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
        } else {
            channel.eventLoop().execute(task);
        }
    }

    @Override
    public String toString() {
        return "MqttClient[" + clientId() + (isConnected() ? ", connected" : ", closed") + "]";
    }
}
