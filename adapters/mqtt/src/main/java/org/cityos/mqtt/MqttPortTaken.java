package org.cityos.mqtt;

/** The endpoint could not bind because another process holds the port; the application should not start. */
public final class MqttPortTaken extends RuntimeException {
    private final String host;
    private final int port;

    public MqttPortTaken(String host, int port, Throwable cause) {
        super(
                "MQTT port " + port + " on " + host
                        + " is already in use; set cityos.mqtt.port or stop the other process",
                cause);
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
