package org.cityos.mqtt.client;

/** The broker answered CONNECT with a CONNACK that refuses the connection (bad credentials, not authorised, …). */
public final class ConnectionRefused extends RuntimeException {
    private final int returnCode;

    public ConnectionRefused(String clientId, int returnCode, String reason) {
        super("broker refused client '" + clientId + "': CONNACK return code " + returnCode + " (" + reason + ")");
        this.returnCode = returnCode;
    }

    /** The MQTT 3.1.1 CONNACK return code: 1 protocol, 2 identifier, 3 unavailable, 4 credentials, 5 not authorised. */
    public int returnCode() {
        return returnCode;
    }
}
