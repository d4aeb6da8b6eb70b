package org.cityos.mqtt.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cityos.mqtt.MqttSessionClosed;

/**
 * Messages sent to one device, and the QoS 1 ones awaiting its PUBACK by packet id. Confined to the connection's
 * event loop, so it needs no locking.
 */
final class Downlinks {
    private static final int MAX_PACKET_ID = 65_535;
    private static final MqttFixedHeader QOS0 =
            new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_MOST_ONCE, false, 0);
    private static final MqttFixedHeader QOS1 =
            new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, false, 0);

    private record Pending(CompletableFuture<Void> result, ScheduledFuture<?> timer) {}

    private final IntObjectHashMap<Pending> awaitingAck = new IntObjectHashMap<>();
    private final DeviceConnection connection;
    private final ChannelHandlerContext ctx;
    private final Duration ackTimeout;
    private final EndpointMetrics metrics;
    private int lastPacketId;

    Downlinks(DeviceConnection connection, ChannelHandlerContext ctx, Duration ackTimeout, EndpointMetrics metrics) {
        this.connection = connection;
        this.ctx = ctx;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    void send(String topic, byte[] payload, int qos, CompletableFuture<Void> result) {
        if (!connection.isOpen()) {
            failed(result, new MqttSessionClosed(connection.clientId()));
            return;
        }
        int packetId = qos == 1 ? register(result) : 0;
        if (packetId < 0) {
            failed(result, new IllegalStateException("65535 downlinks await PUBACK from " + connection.clientId()));
            return;
        }
        MqttPublishMessage message = new MqttPublishMessage(
                qos == 1 ? QOS1 : QOS0,
                new MqttPublishVariableHeader(topic, packetId),
                Unpooled.wrappedBuffer(payload));
        ctx.write(message).addListener(written -> {
            if (!written.isSuccess()) {
                if (qos == 1) {
                    fail(packetId, written.cause());
                } else {
                    failed(result, written.cause());
                }
            } else if (qos == 0) {
                metrics.downlinkDelivered.increment();
                result.complete(null);
            }
        });
        connection.flushSoon();
    }

    /** A PUBACK for an id we no longer wait for (timed out, or a duplicate) is ignored. */
    void acked(int packetId) {
        Pending pending = awaitingAck.remove(packetId);
        if (pending != null) {
            pending.timer().cancel(false);
            metrics.downlinkDelivered.increment();
            pending.result().complete(null);
        }
    }

    void failAll() {
        MqttSessionClosed closed = new MqttSessionClosed(connection.clientId());
        for (Pending pending : awaitingAck.values()) {
            pending.timer().cancel(false);
            failed(pending.result(), closed);
        }
        awaitingAck.clear();
    }

    private int register(CompletableFuture<Void> result) {
        int id = nextFreePacketId();
        if (id >= 0) {
            ScheduledFuture<?> timer = ctx.executor()
                    .schedule(
                            () -> fail(
                                    id,
                                    new TimeoutException(
                                            "no PUBACK from " + connection.clientId() + " within " + ackTimeout)),
                            ackTimeout.toNanos(),
                            TimeUnit.NANOSECONDS);
            awaitingAck.put(id, new Pending(result, timer));
        }
        return id;
    }

    private void fail(int packetId, Throwable cause) {
        Pending pending = awaitingAck.remove(packetId);
        if (pending != null) {
            pending.timer().cancel(false);
            failed(pending.result(), cause);
        }
    }

    private void failed(CompletableFuture<Void> result, Throwable cause) {
        metrics.downlinkFailed.increment();
        result.completeExceptionally(cause);
    }

    private int nextFreePacketId() {
        for (int tries = 0; tries < MAX_PACKET_ID; tries++) {
            lastPacketId = lastPacketId == MAX_PACKET_ID ? 1 : lastPacketId + 1;
            if (!awaitingAck.containsKey(lastPacketId)) {
                return lastPacketId;
            }
        }
        return -1;
    }
}
