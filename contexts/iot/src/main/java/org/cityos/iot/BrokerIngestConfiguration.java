package org.cityos.iot;

import java.time.Clock;
import org.cityos.iot.internal.mqtt.BrokerIngest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scale-out MQTT: consume device topics from the external broker named by {@code cityos.iot.broker.host}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${cityos.iot.broker.host:}'.isBlank()")
public class BrokerIngestConfiguration {
    @Bean
    BrokerIngest brokerIngest(
            BrokerProperties properties, TelemetryIngest ingest, DeviceCommands commands, Clock clock) {
        BrokerIngest broker = new BrokerIngest(properties, ingest, commands, clock);
        commands.addTransport(broker);
        return broker;
    }

    @Bean
    SmartLifecycle brokerIngestLifecycle(BrokerIngest broker) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                broker.start();
                running = true;
            }

            @Override
            public void stop() {
                broker.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
