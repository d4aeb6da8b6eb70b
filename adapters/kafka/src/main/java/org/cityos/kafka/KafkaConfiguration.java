package org.cityos.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.cityos.outbox.OutboxConfiguration;
import org.cityos.outbox.OutboxEventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Kafka for scale-out mode, on only when {@code cityos.kafka.bootstrap-servers} names servers (the
 * embedded mode sets nothing and gets no Kafka clients). Relays the outbox to Kafka unless
 * {@code cityos.kafka.relay-events=false}.
 */
@AutoConfiguration(after = OutboxConfiguration.class)
@ConditionalOnProperty(prefix = "cityos.kafka", name = "bootstrap-servers")
// ConditionalOnProperty alone would also match an empty value, which means "off" here.
@ConditionalOnExpression("!'${cityos.kafka.bootstrap-servers:}'.isBlank()")
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaConfiguration {

    @Bean
    KafkaRecordLog kafkaRecordLog(KafkaSettings settings, ObjectProvider<MeterRegistry> meters) {
        return new KafkaRecordLog(settings, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    KafkaBatchConsumer kafkaBatchConsumer(KafkaSettings settings, ObjectProvider<MeterRegistry> meters) {
        return new KafkaBatchConsumer(settings, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(OutboxEventBus.class)
    @ConditionalOnProperty(prefix = "cityos.kafka", name = "relay-events", matchIfMissing = true)
    KafkaOutboxRelay kafkaOutboxRelay(KafkaRecordLog log, KafkaSettings settings, OutboxEventBus bus) {
        return new KafkaOutboxRelay(log, settings).subscribeTo(bus);
    }
}
