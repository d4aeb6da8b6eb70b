package org.cityos.iot;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cityos.iot.internal.mqtt.DeviceEndpointHandler;
import org.cityos.mqtt.MqttEndpoint;
import org.cityos.mqtt.MqttEndpointSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded MQTT device endpoint (ADR 0008), bound when CityOS starts; a taken port stops the start with a
 * message naming the port and the key to change.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MqttEndpointProperties.class)
@ConditionalOnProperty(prefix = "cityos.iot.mqtt", name = "enabled", matchIfMissing = true)
public class MqttEndpointConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MqttEndpointConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    ExecutorService mqttBackground() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cityos-mqtt-background");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    DeviceEndpointHandler deviceEndpointHandler(
            TelemetryIngest ingest, DeviceCommands commands, Clock clock, ExecutorService mqttBackground) {
        DeviceEndpointHandler handler = new DeviceEndpointHandler(ingest, commands, clock, mqttBackground);
        commands.addTransport(handler);
        return handler;
    }

    @Bean
    DeviceEndpoint deviceEndpoint(
            MqttEndpointProperties properties,
            TelemetryProperties telemetry,
            DeviceEndpointHandler handler,
            MeterRegistry metrics) {
        return new DeviceEndpoint(properties, telemetry, handler, metrics);
    }

    /** Binds the endpoint early in the start so a taken port is reported before anything else runs. */
    public static final class DeviceEndpoint implements SmartLifecycle {
        private final MqttEndpointProperties properties;
        private final TelemetryProperties telemetry;
        private final DeviceEndpointHandler handler;
        private final MeterRegistry metrics;
        private volatile MqttEndpoint endpoint;

        DeviceEndpoint(
                MqttEndpointProperties properties,
                TelemetryProperties telemetry,
                DeviceEndpointHandler handler,
                MeterRegistry metrics) {
            this.properties = properties;
            this.telemetry = telemetry;
            this.handler = handler;
            this.metrics = metrics;
        }

        @Override
        public void start() {
            MqttEndpointSettings settings = MqttEndpointSettings.defaults()
                    .withHost(properties.host())
                    .withPort(properties.port())
                    .withMaxMessageBytes((int) Math.min(telemetry.maxPayload().toBytes() + 1024, 268_435_455))
                    .withMaxInFlight(properties.maxInFlightPerConnection(), properties.maxInFlight());
            if (properties.ioThreads() > 0) {
                settings = settings.withIoThreads(properties.ioThreads());
            }
            endpoint = MqttEndpoint.start(settings, handler, metrics);
            log.info("MQTT device endpoint listening on {}:{}", properties.host(), endpoint.port());
        }

        /** The bound port (useful when configured as 0). */
        public int port() {
            return endpoint.port();
        }

        @Override
        public void stop() {
            MqttEndpoint e = endpoint;
            endpoint = null;
            if (e != null) {
                e.close();
            }
        }

        @Override
        public boolean isRunning() {
            return endpoint != null;
        }
    }
}
