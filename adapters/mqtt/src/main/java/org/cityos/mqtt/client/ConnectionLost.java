package org.cityos.mqtt.client;

/** The connection closed before an operation completed; whether the broker had it is unknown. */
public final class ConnectionLost extends RuntimeException {
    public ConnectionLost(String clientId, Throwable cause) {
        super("connection of client '" + clientId + "' lost", cause);
    }
}
