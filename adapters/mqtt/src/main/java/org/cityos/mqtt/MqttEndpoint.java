package org.cityos.mqtt;

import io.micrometer.core.instrument.MeterRegistry;
import org.cityos.mqtt.server.DeviceServer;

/**
 * The MQTT 3.1.1 endpoint devices connect to directly. It acknowledges a QoS 1 message only after the
 * {@link MqttDeviceHandler} reports it stored, and stops reading from devices while too much is unstored.
 */
public final class MqttEndpoint implements AutoCloseable {
    private final DeviceServer server;

    private MqttEndpoint(DeviceServer server) {
        this.server = server;
    }

    /**
     * Binds before returning, so a taken port fails the caller at once.
     *
     * @throws MqttPortTaken when another process listens on the port
     */
    public static MqttEndpoint start(MqttEndpointSettings settings, MqttDeviceHandler handler, MeterRegistry metrics) {
        return new MqttEndpoint(DeviceServer.bind(settings, handler, metrics));
    }

    /** The port actually bound, which differs from the settings when they asked for 0. */
    public int port() {
        return server.port();
    }

    /** Sessions with an accepted CONNECT. */
    public int connections() {
        return server.connections();
    }

    /** Stops accepting, closes every connection and waits for the I/O threads to end. */
    @Override
    public void close() {
        server.close();
    }
}
