package org.cityos.mqtt.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns the event loop threads that any number of {@link MqttClient}s share: ten thousand connections need
 * no more threads than cores. Closing it closes every connection it made.
 */
public final class MqttClients implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final EventLoopGroup group;
    private final AtomicInteger open = new AtomicInteger();
    final Counter published;
    final Counter acknowledged;
    final Counter received;

    /** {@code threads} event loops; metrics go to Micrometer's global registry. */
    public MqttClients(int threads) {
        this(threads, Metrics.globalRegistry);
    }

    public MqttClients(int threads, MeterRegistry registry) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        // Each instance its own name: its threads and its connection gauge tell apart two sets of clients.
        String name = "mqtt-client-" + INSTANCES.incrementAndGet();
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
        this.published = Counter.builder("cityos.mqtt.client.published")
                .description("PUBLISH packets written by CityOS MQTT clients")
                .register(registry);
        this.acknowledged = Counter.builder("cityos.mqtt.client.acknowledged")
                .description("QoS 1 publishes the broker acknowledged (PUBACK)")
                .register(registry);
        this.received = Counter.builder("cityos.mqtt.client.received")
                .description("PUBLISH packets received from brokers")
                .register(registry);
        Gauge.builder("cityos.mqtt.client.connections", open, AtomicInteger::get)
                .description("open MQTT client connections")
                .tag("clients", name)
                .register(registry);
    }

    /**
     * Opens a connection and sends CONNECT; completes with the client once the broker accepted it, or fails
     * with {@link ConnectionRefused} (CONNACK refused), a timeout or the I/O error. Never reconnects by itself.
     */
    public CompletionStage<MqttClient> connect(MqttClientOptions options) {
        CompletableFuture<MqttClient> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        long keepAlive = options.keepAlive().toMillis();
                        ch.pipeline().addLast("decoder", new MqttDecoder(options.maxMessageBytes()));
                        ch.pipeline().addLast("encoder", MqttEncoder.INSTANCE);
                        if (keepAlive > 0) {
                            // PINGREQ after keepAlive of write silence; give up after 1.5 × keepAlive without a byte.
                            ch.pipeline()
                                    .addLast(
                                            "idle",
                                            new IdleStateHandler(
                                                    keepAlive * 3 / 2, keepAlive, 0, TimeUnit.MILLISECONDS));
                        }
                        ch.pipeline()
                                .addLast("client", new MqttClient(ch, options, MqttClients.this, result).handler());
                    }
                });
        ChannelFuture connecting = bootstrap.connect(options.host(), options.port());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    /** Open connections made by these clients. */
    public int openConnections() {
        return open.get();
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    /** Closes every connection without DISCONNECT (as a crash would) and stops the threads. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
