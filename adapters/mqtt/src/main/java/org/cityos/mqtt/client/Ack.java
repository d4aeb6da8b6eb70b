package org.cityos.mqtt.client;

/**
 * The acknowledgement of one received message. The broker gets its PUBACK only once {@link #done()} has
 * been called, so a consumer calls it after it has committed the message; a message never acknowledged is
 * redelivered by the broker when a persistent session reconnects.
 */
@FunctionalInterface
public interface Ack {
    /** Acknowledges the message; calling it again, or after the connection is gone, does nothing. */
    void done();

    /** The acknowledgement of a QoS 0 message, which the broker does not expect. */
    Ack NONE = () -> {};
}
