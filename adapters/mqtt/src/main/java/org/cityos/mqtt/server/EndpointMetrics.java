package org.cityos.mqtt.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The endpoint's meters, registered once so the message path only increments. */
final class EndpointMetrics {
    private final MeterRegistry registry;
    private final List<Meter> registered = new ArrayList<>();
    private final AtomicInteger pausedChannels = new AtomicInteger();

    final Counter receivedQos0;
    final Counter receivedQos1;
    final Counter acked;
    final Counter refusedTopic;
    final Counter refusedOversize;
    final Counter refusedMalformed;
    final Counter refusedFailed;
    final Counter refusedQos2;
    final Counter connectRefusedCredentials;
    final Counter connectRefusedProtocol;
    final Counter connectRefusedIdentifier;
    final Counter connectRefusedTimeout;
    final Counter connectRefusedError;
    final Counter downlinkDelivered;
    final Counter downlinkFailed;

    EndpointMetrics(MeterRegistry registry) {
        this.registry = registry;
        receivedQos0 = counter("cityos.mqtt.messages.received", "qos", "0");
        receivedQos1 = counter("cityos.mqtt.messages.received", "qos", "1");
        acked = counter("cityos.mqtt.messages.acked");
        refusedTopic = counter("cityos.mqtt.refused", "reason", "topic");
        refusedOversize = counter("cityos.mqtt.refused", "reason", "oversize");
        refusedMalformed = counter("cityos.mqtt.refused", "reason", "malformed");
        refusedFailed = counter("cityos.mqtt.refused", "reason", "failed");
        refusedQos2 = counter("cityos.mqtt.refused", "reason", "qos2");
        connectRefusedCredentials = counter("cityos.mqtt.connect.refused", "reason", "credentials");
        connectRefusedProtocol = counter("cityos.mqtt.connect.refused", "reason", "protocol");
        connectRefusedIdentifier = counter("cityos.mqtt.connect.refused", "reason", "identifier");
        connectRefusedTimeout = counter("cityos.mqtt.connect.refused", "reason", "timeout");
        connectRefusedError = counter("cityos.mqtt.connect.refused", "reason", "error");
        downlinkDelivered = counter("cityos.mqtt.downlink", "outcome", "delivered");
        downlinkFailed = counter("cityos.mqtt.downlink", "outcome", "failed");
        gauge("cityos.mqtt.paused", pausedChannels::get);
    }

    Counter received(int qos) {
        return qos == 0 ? receivedQos0 : receivedQos1;
    }

    void paused() {
        pausedChannels.incrementAndGet();
    }

    void resumed() {
        pausedChannels.decrementAndGet();
    }

    int pausedChannels() {
        return pausedChannels.get();
    }

    void gauge(String name, Supplier<Number> value) {
        registered.add(Gauge.builder(name, value).register(registry));
    }

    /** Gauges point at this endpoint's state; a later endpoint on the same registry must not read a dead one. */
    void unregister() {
        registered.forEach(registry::remove);
    }

    private Counter counter(String name, String... tags) {
        Counter counter = Counter.builder(name).tags(tags).register(registry);
        registered.add(counter);
        return counter;
    }
}
