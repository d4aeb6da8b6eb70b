package org.cityos.mqtt;

import java.util.concurrent.CompletionStage;

/** One device connection after an accepted CONNECT; safe to use from any thread. */
public interface MqttSession {

    String clientId();

    /** The CONNECT username, {@code ""} when the device sent none. */
    String username();

    /** What {@link MqttDeviceHandler#authenticate} returned. */
    Object principal();

    /** host:port of the device as seen by the endpoint. */
    String remoteAddress();

    /**
     * Downlink to the device. Sent whether or not the device subscribed to the topic: devices subscribe to their
     * own downlink topics before anything is sent to them, and the queue of pending commands lives in CityOS, not
     * in the MQTT session. QoS 1 completes when the device answers PUBACK, QoS 0 when the bytes are written. Fails
     * with {@link MqttSessionClosed} when the connection is or becomes closed, and with a
     * {@link java.util.concurrent.TimeoutException} when no PUBACK comes within the configured downlink timeout.
     *
     * @param qos 0 or 1
     */
    CompletionStage<Void> send(String topic, byte[] payload, int qos);

    boolean isOpen();

    /** Closes the connection; uplink messages already handed to the application are not affected. */
    void close();
}
