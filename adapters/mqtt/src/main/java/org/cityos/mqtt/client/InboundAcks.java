package org.cityos.mqtt.client;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * Releases PUBACKs in the order the QoS 1 messages arrived, as MQTT 3.1.1 (4.6) requires, however the
 * handler orders its {@code ack.done()} calls: an acknowledged message waits for the ones before it. So one
 * message that is never acknowledged holds back the PUBACKs after it, and the broker stops sending once its
 * in-flight window is full; a consumer therefore acknowledges every message, rejected ones included, after
 * it has recorded them. Confined to one event loop thread.
 */
final class InboundAcks {
    private static final class Pending {
        final int packetId;
        boolean done;

        Pending(int packetId) {
            this.packetId = packetId;
        }
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final IntConsumer sendPubAck;

    InboundAcks(IntConsumer sendPubAck) {
        this.sendPubAck = sendPubAck;
    }

    /** Registers a received message; the returned marker is passed to {@link #done} later. */
    Object received(int packetId) {
        Pending p = new Pending(packetId);
        pending.addLast(p);
        return p;
    }

    /** Marks {@code marker} acknowledged and sends every PUBACK now at the head; returns how many were sent. */
    int done(Object marker) {
        Pending p = (Pending) marker;
        if (p.done) {
            return 0;
        }
        p.done = true;
        int sent = 0;
        while (!pending.isEmpty() && pending.peekFirst().done) {
            sendPubAck.accept(pending.pollFirst().packetId);
            sent++;
        }
        return sent;
    }

    /** Messages received and not yet released to the broker. */
    int outstanding() {
        return pending.size();
    }

    /** Forgets everything: after the connection is gone the broker redelivers these to the next session. */
    void clear() {
        pending.clear();
    }
}
