package org.cityos.mqtt;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the application does for the device endpoint. Every method is called on the connection's I/O thread, so
 * each must answer from memory (a credential cache, a topic rule) or hand work off and return a future: a blocking
 * call stalls every connection that shares the thread.
 */
public interface MqttDeviceHandler {

    /**
     * CONNECT. An empty answer refuses with CONNACK "not authorized" and closes. Devices that follow ThingsBoard
     * send their token as the username and no password: an absent username is {@code ""}, an absent password an
     * empty array.
     *
     * @return an opaque principal that the session carries afterwards
     */
    Optional<Object> authenticate(String clientId, String username, byte[] password);

    /** After the accepting CONNACK has been written. */
    void connected(MqttSession session);

    /** False closes the connection and counts it: MQTT 3.1.1 has no negative PUBACK. */
    boolean mayPublish(MqttSession session, String topic);

    /** False answers SUBACK failure (0x80) for this filter; the others are still granted. */
    boolean maySubscribe(MqttSession session, String topicFilter);

    /**
     * An uplink message. The stage completes once the message is durably stored; only then is a QoS 1 PUBACK
     * written, so the device retransmits whatever was not stored. Exceptional completion closes the connection
     * without PUBACK. For QoS 0 nothing is acknowledged but failures are still counted. Until the stage completes
     * the message counts against the in-flight limits that pause reading.
     *
     * @param payload owned by the handler; the endpoint keeps no reference
     */
    CompletionStage<Void> publish(MqttSession session, String topic, byte[] payload, int qos);

    /**
     * The connection ended, whatever the reason. When a device reconnects with the same client id the old
     * session's call may come after the new session's {@link #connected}: sessions are distinct objects.
     */
    void disconnected(MqttSession session);
}
