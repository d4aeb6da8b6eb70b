package org.cityos.iot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MQTT device endpoint ({@code cityos.iot.mqtt.*}). Port 0 picks a free port (tests).
 *
 * @param maxInFlightPerConnection unacknowledged QoS 1 messages of one connection before CityOS stops reading it
 * @param maxInFlight unacknowledged messages over all connections before CityOS stops reading; this bounds the
 *     queue in front of the ingest writers, so it is a latency bound as much as a memory bound: every message read
 *     waits behind at most this many others (see {@link #DEFAULT_MAX_IN_FLIGHT})
 * @param ioThreads Netty I/O threads; 0 = one per core
 */
@ConfigurationProperties("cityos.iot.mqtt")
public record MqttEndpointProperties(
        Boolean enabled,
        String host,
        Integer port,
        Integer maxInFlightPerConnection,
        Integer maxInFlight,
        Integer ioThreads) {

    /**
     * About half a second of ingest at the rate two cores store (≈ 14,000 msg/s, benchmarks/README.md). It used to be
     * 50,000: after a pause of the JVM or the database the endpoint then kept reading until 50,000 messages queued,
     * and a message read next — an alarm's threshold crossing among them — waited behind all of them, seconds
     * (issue 6). With a bound this size the rest of a backlog waits in the devices' own sockets, and a device that
     * sends rarely is read at the next resume instead of at the end of the queue. Two writers' batches (2 × {@code
     * cityos.iot.telemetry.max-batch}) still fit in it twice over, so the writers never run dry for want of reading.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 8_000;

    public MqttEndpointProperties {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "0.0.0.0" : host;
        port = port == null ? 1883 : port;
        maxInFlightPerConnection = maxInFlightPerConnection == null ? 64 : maxInFlightPerConnection;
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        ioThreads = ioThreads == null ? 0 : ioThreads;
    }
}
