package org.cityos.iot;

import org.cityos.iot.internal.ingest.BatchStore;
import org.cityos.iot.internal.ingest.IngestMetrics;
import org.cityos.iot.internal.ingest.KafkaInboundLog;
import org.cityos.kafka.KafkaBatchConsumer;
import org.cityos.kafka.KafkaRecordLog;
import org.cityos.kafka.KafkaSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Kafka configured ({@code cityos.kafka.bootstrap-servers}), telemetry flows through the Kafka topic
 * {@code <prefix>telemetry.inbound} keyed by device id, and every node consumes its share in group
 * {@code cityos-ingest}; edges acknowledge devices once Kafka has the message.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${cityos.kafka.bootstrap-servers:}'.isBlank()")
public class KafkaIngestConfiguration {
    @Bean(destroyMethod = "close")
    KafkaInboundLog kafkaInboundLog(
            KafkaRecordLog log,
            KafkaBatchConsumer consumers,
            KafkaSettings settings,
            BatchStore store,
            IngestMetrics metrics,
            TelemetryProperties properties) {
        KafkaInboundLog inbound = new KafkaInboundLog(
                log, settings.topicPrefix(), settings.partitions(), properties.queueCapacity(), metrics);
        inbound.consume(consumers, store);
        return inbound;
    }
}
