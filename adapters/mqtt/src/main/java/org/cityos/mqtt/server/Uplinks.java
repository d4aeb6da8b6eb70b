package org.cityos.mqtt.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages from one device to the application: topic check, hand-over, and the PUBACK once the application has
 * stored the message. Confined to the connection's event loop.
 */
final class Uplinks {
    private static final Logger log = LoggerFactory.getLogger(Uplinks.class);

    private final DeviceConnection connection;
    private final ChannelHandlerContext ctx;
    private final EndpointContext endpoint;
    private final EndpointMetrics metrics;
    private final Intake intake;

    Uplinks(DeviceConnection connection, ChannelHandlerContext ctx, EndpointContext endpoint) {
        this.connection = connection;
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.metrics = endpoint.metrics();
        this.intake = new Intake(ctx.channel(), endpoint);
    }

    void publish(MqttPublishMessage message) {
        int qos = message.fixedHeader().qosLevel().value();
        if (qos == 2) {
            // QoS 2 needs a stored PUBREC/PUBREL exchange we do not offer; acking it as 1 would lie about it
            metrics.refusedQos2.increment();
            connection.closeConnection("QoS 2 PUBLISH");
            return;
        }
        metrics.received(qos).increment();
        String topic = message.variableHeader().topicName();
        if (!allowed(topic)) {
            metrics.refusedTopic.increment();
            connection.closeConnection("PUBLISH to refused topic " + topic);
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(message.content());
        CompletionStage<Void> stored;
        try {
            stored = endpoint.handler().publish(connection, topic, payload, qos);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        intake.admit();
        stored.whenComplete(new StoreOutcome(this, message.variableHeader().packetId(), qos));
    }

    /** The application's answer for one message, on the event loop. */
    void stored(int packetId, int qos, Throwable failure) {
        intake.stored();
        if (failure != null) {
            metrics.refusedFailed.increment();
            if (qos == 1) {
                // no PUBACK: the device sends the message again after reconnecting
                connection.closeConnection("storing a QoS 1 message failed: " + failure);
            }
        } else if (qos == 1 && connection.isOpen()) {
            ctx.write(Replies.pubAck(packetId), ctx.voidPromise());
            metrics.acked.increment();
            connection.flushSoon();
        }
    }

    void writabilityChanged(boolean writable) {
        intake.writabilityChanged(writable);
    }

    void closed() {
        intake.closed();
    }

    boolean runOnEventLoop(Runnable task) {
        return connection.runOnEventLoop(task);
    }

    private boolean allowed(String topic) {
        try {
            return endpoint.handler().mayPublish(connection, topic);
        } catch (RuntimeException e) {
            log.warn("topic check failed for {} on {}; refusing", connection.clientId(), topic, e);
            return false;
        }
    }
}
