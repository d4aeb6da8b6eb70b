package org.cityos.iot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MQTT device endpoint ({@code cityos.iot.mqtt.*}). Port 0 picks a free port (tests).
 *
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

    public MqttEndpointProperties {
        enabled = enabled == null || enabled;
        host = host == null || host.isBlank() ? "0.0.0.0" : host;
        port = port == null ? 1883 : port;
        maxInFlightPerConnection = maxInFlightPerConnection == null ? 64 : maxInFlightPerConnection;
        maxInFlight = maxInFlight == null ? 50_000 : maxInFlight;
        ioThreads = ioThreads == null ? 0 : ioThreads;
    }
}
