package org.cityos.mqtt.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.cityos.mqtt.MqttDeviceHandler;
import org.cityos.mqtt.MqttEndpointSettings;
import org.cityos.mqtt.MqttPortTaken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listening socket, its I/O threads and the connections it accepted. */
public final class DeviceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceServer.class);

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final ChannelGroup open;
    private final EndpointContext endpoint;

    private DeviceServer(
            EventLoopGroup acceptor,
            EventLoopGroup workers,
            Channel listener,
            ChannelGroup open,
            EndpointContext endpoint) {
        this.acceptor = acceptor;
        this.workers = workers;
        this.listener = listener;
        this.open = open;
        this.endpoint = endpoint;
    }

    /** @throws MqttPortTaken when the port is in use */
    public static DeviceServer bind(MqttEndpointSettings settings, MqttDeviceHandler handler, MeterRegistry registry) {
        EndpointMetrics metrics = new EndpointMetrics(registry);
        ClientRegistry clients = new ClientRegistry();
        InFlightBudget budget = new InFlightBudget(settings.maxInFlightTotal());
        EndpointContext endpoint = new EndpointContext(settings, handler, metrics, clients, budget);
        metrics.gauge("cityos.mqtt.connections", clients::size);
        metrics.gauge("cityos.mqtt.inflight", budget::inFlight);

        EventLoopGroup acceptor =
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mqtt-accept"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                settings.ioThreads(), new DefaultThreadFactory("mqtt-io"), NioIoHandler.newFactory());
        ChannelGroup open = new DefaultChannelGroup("mqtt-devices", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                // reconnect storms after a network outage arrive all at once
                .option(ChannelOption.SO_BACKLOG, 4096)
                // we coalesce flushes ourselves; Nagle would only add latency to PUBACKs
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new DeviceChannels(endpoint, open));
        try {
            Channel listener = bootstrap
                    .bind(settings.host(), settings.port())
                    .syncUninterruptibly()
                    .channel();
            DeviceServer server = new DeviceServer(acceptor, workers, listener, open, endpoint);
            log.info("MQTT device endpoint listening on {}:{}", settings.host(), server.port());
            return server;
        } catch (Exception e) { // Netty rethrows the socket's checked BindException undeclared
            stop(acceptor, workers);
            metrics.unregister();
            if (isBindFailure(e)) {
                throw new MqttPortTaken(settings.host(), settings.port(), e);
            }
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("MQTT endpoint could not start on port " + settings.port(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public int connections() {
        return endpoint.clients().size();
    }

    @Override
    public void close() {
        int port = port();
        listener.close().syncUninterruptibly();
        open.close().awaitUninterruptibly();
        stop(acceptor, workers);
        endpoint.metrics().unregister();
        log.info("MQTT device endpoint on port {} stopped", port);
    }

    private static void stop(EventLoopGroup acceptor, EventLoopGroup workers) {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // Netty rethrows the socket's checked BindException unchanged, so it arrives as a Throwable in a RuntimeException's
    // place
    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
