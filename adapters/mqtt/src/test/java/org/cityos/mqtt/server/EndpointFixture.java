package org.cityos.mqtt.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.UnaryOperator;
import org.cityos.mqtt.MqttEndpoint;
import org.cityos.mqtt.MqttEndpointSettings;

/** An endpoint on a free loopback port with a scripted application behind it. */
final class EndpointFixture implements AutoCloseable {
    final ScriptedHandler handler = new ScriptedHandler();
    final MeterRegistry metrics = new SimpleMeterRegistry();
    final MqttEndpoint endpoint;

    private EndpointFixture(UnaryOperator<MqttEndpointSettings> tuning) {
        MqttEndpointSettings settings = tuning.apply(MqttEndpointSettings.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withIoThreads(1));
        endpoint = MqttEndpoint.start(settings, handler, metrics);
    }

    static EndpointFixture start() {
        return new EndpointFixture(UnaryOperator.identity());
    }

    static EndpointFixture start(UnaryOperator<MqttEndpointSettings> tuning) {
        return new EndpointFixture(tuning);
    }

    RawDevice open() {
        return RawDevice.open(endpoint.port());
    }

    RawDevice connected(String clientId) {
        return RawDevice.connected(endpoint.port(), clientId, ScriptedHandler.TOKEN);
    }

    double count(String name, String... tags) {
        var counter = metrics.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    double gauge(String name) {
        return metrics.get(name).gauge().value();
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
