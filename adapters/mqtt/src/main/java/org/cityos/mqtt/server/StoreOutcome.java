package org.cityos.mqtt.server;

import java.util.function.BiConsumer;

/**
 * Carries the application's answer for one uplink message back to the connection's event loop. One object serves
 * as both the completion callback and the event loop task, so a message costs one allocation here.
 */
final class StoreOutcome implements BiConsumer<Void, Throwable>, Runnable {
    private final Uplinks uplinks;
    private final int packetId;
    private final int qos;
    private Throwable failure;

    StoreOutcome(Uplinks uplinks, int packetId, int qos) {
        this.uplinks = uplinks;
        this.packetId = packetId;
        this.qos = qos;
    }

    @Override
    public void accept(Void ignored, Throwable failure) {
        // the event loop's task queue publishes this field to the loop thread
        this.failure = failure;
        uplinks.runOnEventLoop(this);
    }

    @Override
    public void run() {
        uplinks.stored(packetId, qos, failure);
    }
}
