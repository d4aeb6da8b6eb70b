package org.cityos.mqtt;

/** A downlink could not be delivered because the device's connection is closed. */
public final class MqttSessionClosed extends RuntimeException {
    public MqttSessionClosed(String clientId) {
        super("MQTT session of " + clientId + " is closed", null, false, false);
    }
}
