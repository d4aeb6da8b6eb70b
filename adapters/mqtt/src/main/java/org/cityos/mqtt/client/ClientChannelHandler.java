package org.cityos.mqtt.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the broker's packets to the {@link MqttClient} that owns the channel, and keeps the connection alive. */
final class ClientChannelHandler extends SimpleChannelInboundHandler<MqttMessage> {
    private static final Logger log = LoggerFactory.getLogger(ClientChannelHandler.class);

    private final MqttClient client;
    private Throwable cause;

    ClientChannelHandler(MqttClient client) {
        this.client = client;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        client.channelActive();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
        if (msg.decoderResult().isFailure()) {
            exceptionCaught(ctx, new DecoderException(msg.decoderResult().cause()));
            return;
        }
        MqttMessageType type = msg.fixedHeader().messageType();
        switch (type) {
            case CONNACK -> client.connAck((MqttConnAckMessage) msg);
            case PUBACK -> client.pubAck(((MqttMessageIdVariableHeader) msg.variableHeader()).messageId());
            case SUBACK -> client.subAck((MqttSubAckMessage) msg);
            case PUBLISH -> client.publishReceived((MqttPublishMessage) msg);
            case PINGRESP, UNSUBACK -> {}
            default -> {
                // QoS 2 flows and server-only packets have no place in this client: a broker sending them is broken.
                log.warn("unexpected {} from broker for {}; closing", type, client.clientId());
                ctx.close();
            }
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(Packets.pingReq());
            } else if (idle.state() == IdleState.READER_IDLE) {
                cause = new IOException("broker silent for 1.5 × keep-alive");
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
        if (cause == null) {
            cause = error;
        }
        log.debug("connection of {} failed", client.clientId(), error);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        client.closed(cause);
        super.channelInactive(ctx);
    }
}
