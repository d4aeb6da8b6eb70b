package org.cityos.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the device endpoint listens and how much it lets devices have outstanding.
 *
 * @param host address to bind, {@code 0.0.0.0} for all interfaces
 * @param port TCP port; 0 picks a free one (see {@link MqttEndpoint#port()})
 * @param maxMessageBytes largest MQTT packet accepted; bigger ones close the connection before being buffered
 * @param maxInFlightPerConnection messages handed to the application but not yet stored before the connection
 *     stops reading; it reads again at half of this
 * @param maxInFlightTotal the same over all connections; all paused connections read again at half of this
 * @param connectTimeout time a new connection has to send CONNECT
 * @param downlinkAckTimeout time a device has to answer a QoS 1 downlink with PUBACK
 * @param ioThreads event loop threads for connections
 */
public record MqttEndpointSettings(
        String host,
        int port,
        int maxMessageBytes,
        int maxInFlightPerConnection,
        int maxInFlightTotal,
        Duration connectTimeout,
        Duration downlinkAckTimeout,
        int ioThreads) {

    public static final int DEFAULT_PORT = 1883;

    public MqttEndpointSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(downlinkAckTimeout, "downlinkAckTimeout");
        require(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
        // below a fixed header plus a topic nothing useful fits; above 256 MiB is beyond MQTT's length field
        require(
                maxMessageBytes >= 64 && maxMessageBytes <= 268_435_455,
                "maxMessageBytes must be 64..268435455, was " + maxMessageBytes);
        require(maxInFlightPerConnection >= 1, "maxInFlightPerConnection must be positive");
        require(maxInFlightTotal >= 1, "maxInFlightTotal must be positive");
        require(isPositive(connectTimeout), "connectTimeout must be positive");
        require(isPositive(downlinkAckTimeout), "downlinkAckTimeout must be positive");
        require(ioThreads >= 1, "ioThreads must be positive");
    }

    /** All interfaces on 1883, 256 KiB messages, 64 in flight per connection and 50,000 in all. */
    public static MqttEndpointSettings defaults() {
        return new MqttEndpointSettings(
                "0.0.0.0",
                DEFAULT_PORT,
                256 * 1024,
                64,
                50_000,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Runtime.getRuntime().availableProcessors());
    }

    public MqttEndpointSettings withHost(String newHost) {
        return new MqttEndpointSettings(
                newHost,
                port,
                maxMessageBytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                connectTimeout,
                downlinkAckTimeout,
                ioThreads);
    }

    public MqttEndpointSettings withPort(int newPort) {
        return new MqttEndpointSettings(
                host,
                newPort,
                maxMessageBytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                connectTimeout,
                downlinkAckTimeout,
                ioThreads);
    }

    public MqttEndpointSettings withMaxMessageBytes(int bytes) {
        return new MqttEndpointSettings(
                host,
                port,
                bytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                connectTimeout,
                downlinkAckTimeout,
                ioThreads);
    }

    public MqttEndpointSettings withMaxInFlight(int perConnection, int total) {
        return new MqttEndpointSettings(
                host, port, maxMessageBytes, perConnection, total, connectTimeout, downlinkAckTimeout, ioThreads);
    }

    public MqttEndpointSettings withConnectTimeout(Duration timeout) {
        return new MqttEndpointSettings(
                host,
                port,
                maxMessageBytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                timeout,
                downlinkAckTimeout,
                ioThreads);
    }

    public MqttEndpointSettings withDownlinkAckTimeout(Duration timeout) {
        return new MqttEndpointSettings(
                host,
                port,
                maxMessageBytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                connectTimeout,
                timeout,
                ioThreads);
    }

    public MqttEndpointSettings withIoThreads(int threads) {
        return new MqttEndpointSettings(
                host,
                port,
                maxMessageBytes,
                maxInFlightPerConnection,
                maxInFlightTotal,
                connectTimeout,
                downlinkAckTimeout,
                threads);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
