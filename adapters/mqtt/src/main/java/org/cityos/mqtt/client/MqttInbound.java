package org.cityos.mqtt.client;

/**
 * Receives the messages of a client's subscriptions, on the connection's event loop thread: it must not
 * block, and hands slow work (such as a database commit) to another thread, calling {@code ack.done()}
 * from there when the work is done.
 */
@FunctionalInterface
public interface MqttInbound {
    void onMessage(String topic, byte[] payload, int qos, Ack ack);
}
