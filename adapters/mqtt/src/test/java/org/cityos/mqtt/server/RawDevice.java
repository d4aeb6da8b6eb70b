package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare MQTT device for tests: it writes exactly the packets a test asks for and records everything the endpoint
 * sends back, so tests can assert on order and absence. The real client is a separate component.
 */
final class RawDevice implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final EventLoopGroup GROUP =
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("raw-device", true), NioIoHandler.newFactory());

    private final Channel channel;
    private final BlockingQueue<MqttMessage> received;

    private RawDevice(Channel channel, BlockingQueue<MqttMessage> received) {
        this.channel = channel;
        this.received = received;
    }

    static RawDevice open(int port) {
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        Channel channel = new Bootstrap()
                .group(GROUP)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new MqttDecoder(1024 * 1024))
                                .addLast(MqttEncoder.INSTANCE)
                                .addLast(new Recorder(received));
                    }
                })
                .connect("127.0.0.1", port)
                .syncUninterruptibly()
                .channel();
        return new RawDevice(channel, received);
    }

    /** Opens a connection and completes CONNECT as a ThingsBoard-style device: token as username, no password. */
    static RawDevice connected(int port, String clientId, String token) {
        RawDevice device = open(port);
        assertThat(device.connect(clientId, token, 0).variableHeader().connectReturnCode())
                .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        return device;
    }

    MqttConnAckMessage connect(String clientId, String token, int keepAliveSeconds) {
        return connect(MqttVersion.MQTT_3_1_1, clientId, token, keepAliveSeconds);
    }

    MqttConnAckMessage connect(MqttVersion version, String clientId, String token, int keepAliveSeconds) {
        send(MqttMessageBuilders.connect()
                .protocolVersion(version)
                .clientId(clientId)
                .cleanSession(true)
                .keepAlive(keepAliveSeconds)
                .hasUser(token != null)
                .username(token)
                .build());
        return (MqttConnAckMessage) next(MqttMessageType.CONNACK);
    }

    ChannelFuture publish(String topic, byte[] payload, int qos, int packetId) {
        return send(MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(MqttQoS.valueOf(qos))
                .messageId(packetId)
                .payload(Unpooled.wrappedBuffer(payload))
                .build());
    }

    void ping() {
        send(new MqttMessage(Replies.header(MqttMessageType.PINGREQ)));
    }

    ChannelFuture send(MqttMessage message) {
        return channel.writeAndFlush(message);
    }

    /** Bytes as they are, for frames the encoder would refuse to produce. */
    ChannelFuture sendRaw(ByteBuf bytes) {
        return channel.writeAndFlush(bytes);
    }

    /** The next packet from the endpoint, failing the test when none comes in time. */
    MqttMessage next() {
        try {
            MqttMessage message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a packet from the endpoint within %s", WAIT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    MqttMessage next(MqttMessageType expected) {
        MqttMessage message = next();
        assertThat(message.fixedHeader().messageType()).isEqualTo(expected);
        return message;
    }

    /** Packets received so far, without waiting. */
    int pending() {
        return received.size();
    }

    MqttMessage poll() {
        return received.poll();
    }

    boolean awaitClosed() {
        return channel.closeFuture().awaitUninterruptibly(WAIT.toMillis());
    }

    boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
    }

    private static final class Recorder extends SimpleChannelInboundHandler<MqttMessage> {
        private final BlockingQueue<MqttMessage> received;

        Recorder(BlockingQueue<MqttMessage> received) {
            super(false);
            this.received = received;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, MqttMessage msg) {
            // payloads are copied to the heap so tests need not release anything
            if (msg instanceof MqttPublishMessage publish) {
                received.add(publish.replace(Unpooled.copiedBuffer(publish.content())));
                ReferenceCountUtil.release(publish);
            } else {
                received.add(msg);
            }
        }
    }
}
