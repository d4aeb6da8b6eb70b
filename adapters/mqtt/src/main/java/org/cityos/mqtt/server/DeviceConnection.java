package org.cityos.mqtt.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.cityos.mqtt.MqttSession;
import org.cityos.mqtt.MqttSessionClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's connection: the MQTT 3.1.1 state machine, in-flight accounting and the session the application
 * sees. Everything except the {@link MqttSession} methods runs on the connection's event loop, which is why the
 * counters are plain fields.
 */
final class DeviceConnection extends ChannelInboundHandlerAdapter implements MqttSession {
    private static final Logger log = LoggerFactory.getLogger(DeviceConnection.class);

    private enum State {
        AWAITING_CONNECT,
        CONNECTED,
        CLOSED
    }

    private final EndpointContext endpoint;
    private final EndpointMetrics metrics;
    private final Runnable flushTask = this::flushNow;
    private final Connect connect;
    private ChannelHandlerContext ctx;
    private Downlinks downlinks;
    private Uplinks uplinks;
    private volatile State state = State.AWAITING_CONNECT;
    private volatile String clientId = "";
    private volatile String username = "";
    private volatile Object principal;
    private boolean announced;
    private boolean inReadBatch;
    private boolean flushScheduled;

    DeviceConnection(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.metrics = endpoint.metrics();
        this.connect = new Connect(endpoint, this);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.downlinks = new Downlinks(this, context, endpoint.settings().downlinkAckTimeout(), metrics);
        this.uplinks = new Uplinks(this, context, endpoint);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        connect.startTimer(context);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        inReadBatch = true;
        try {
            if (state != State.CLOSED && msg instanceof MqttMessage message) {
                dispatch(message);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        // everything answered while this batch was decoded leaves in one flush
        inReadBatch = false;
        context.flush();
    }

    private void dispatch(MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            refuseUndecodable(message.decoderResult().cause());
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (type == MqttMessageType.CONNECT) {
            if (state == State.AWAITING_CONNECT) {
                connect.accept(ctx, (MqttConnectMessage) message);
            } else {
                protocolViolation("a second CONNECT");
            }
            return;
        }
        if (state != State.CONNECTED) {
            protocolViolation(type + " before CONNECT");
            return;
        }
        switch (type) {
            case PUBLISH -> uplinks.publish((MqttPublishMessage) message);
            case PUBACK -> downlinks.acked(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case SUBSCRIBE -> ctx.write(Subscriptions.answer(this, endpoint.handler(), (MqttSubscribeMessage) message));
            case UNSUBSCRIBE -> ctx.write(Subscriptions.answer((MqttUnsubscribeMessage) message));
            case PINGREQ -> ctx.write(Replies.PINGRESP);
            case DISCONNECT -> closeConnection("DISCONNECT");
            default -> protocolViolation("unexpected " + type);
        }
    }

    /** @return false when the endpoint has stopped and the task will never run */
    boolean runOnEventLoop(Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return true;
        }
        try {
            ctx.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            log.debug("endpoint stopped before a task for {} ran", clientId);
            return false;
        }
    }

    /** Flushes after the tasks already queued, so completions that arrive together share one write. */
    void flushSoon() {
        if (inReadBatch || flushScheduled) {
            return;
        }
        flushScheduled = true;
        ctx.executor().execute(flushTask);
    }

    private void flushNow() {
        flushScheduled = false;
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        // a device that does not read its PUBACKs must not make us buffer them without end
        uplinks.writabilityChanged(context.channel().isWritable());
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            closeConnection("no packet within 1.5 x keep-alive");
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("connection of {} failed: {}", clientId, cause.toString());
        } else {
            log.warn("closing connection of {} after an unexpected error", clientId, cause);
        }
        closeConnection("error");
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        state = State.CLOSED;
        connect.cancelTimer();
        uplinks.closed();
        downlinks.failAll();
        if (announced) {
            endpoint.clients().unregister(clientId, this);
            try {
                endpoint.handler().disconnected(this);
            } catch (RuntimeException e) {
                log.warn("disconnect handling failed for {}", clientId, e);
            }
        }
        context.fireChannelInactive();
    }

    private void refuseUndecodable(Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            metrics.refusedOversize.increment();
            closeConnection("packet over " + endpoint.settings().maxMessageBytes() + " bytes");
        } else if (state == State.AWAITING_CONNECT && cause instanceof MqttUnacceptableProtocolVersionException) {
            metrics.connectRefusedProtocol.increment();
            refuseConnect(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
        } else if (state == State.AWAITING_CONNECT && cause instanceof MqttIdentifierRejectedException) {
            metrics.connectRefusedIdentifier.increment();
            refuseConnect(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        } else {
            metrics.refusedMalformed.increment();
            closeConnection("malformed packet: " + cause.getMessage());
        }
    }

    private void protocolViolation(String what) {
        metrics.refusedMalformed.increment();
        closeConnection("protocol violation: " + what);
    }

    void refuseConnect(MqttConnectReturnCode code) {
        state = State.CLOSED;
        ctx.writeAndFlush(Replies.connAck(code)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Called by {@link Connect} once the device is authenticated. */
    void accepted(String id, String user, Object who) {
        this.clientId = id;
        this.username = user;
        this.principal = who;
        this.state = State.CONNECTED;
        this.announced = true;
    }

    void closeConnection(String reason) {
        if (state == State.CLOSED && !ctx.channel().isActive()) {
            return;
        }
        log.debug("closing connection of {}: {}", clientId, reason);
        state = State.CLOSED;
        ctx.close();
    }

    // ---- the session the application sees; these may be called from any thread

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public Object principal() {
        return principal;
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(ctx.channel().remoteAddress()).replaceFirst("^/", "");
    }

    @Override
    public CompletionStage<Void> send(String topic, byte[] payload, int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("downlink QoS must be 0 or 1, was " + qos);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!isOpen() || !runOnEventLoop(() -> downlinks.send(topic, payload, qos, result))) {
            metrics.downlinkFailed.increment();
            result.completeExceptionally(new MqttSessionClosed(clientId));
        }
        return result;
    }

    @Override
    public boolean isOpen() {
        return state == State.CONNECTED && ctx.channel().isActive();
    }

    @Override
    public void close() {
        ctx.channel().close();
    }

    @Override
    public String toString() {
        return "MqttSession[" + clientId + " from " + remoteAddress() + "]";
    }
}
