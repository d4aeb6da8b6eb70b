package org.cityos.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void defaultsAreOffWithTwelvePartitionsUnderTheCityosPrefix() {
        KafkaSettings settings = KafkaSettings.of(null);
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.eventsTopic()).isEqualTo("cityos.events");
        assertThat(settings.partitions()).isEqualTo(12);
        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.compression()).isEqualTo("lz4");
        assertThat(KafkaSettings.of(" kafka-1:9092 ").bootstrapServers()).isEqualTo("kafka-1:9092");
    }

    @Test
    void producerAlwaysWaitsForAllReplicasAndIsIdempotentWithinTheDeliveryTimeout() {
        Properties config = KafkaRecordLog.producerConfig(
                KafkaSettings.of("kafka-1:9092").withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2)));
        assertThat(config)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000L)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Kafka refuses a producer whose delivery timeout is below linger + request timeout.
        assertThat((int) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).isLessThanOrEqualTo(5000 - 5);
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        KafkaSettings base = KafkaSettings.of("kafka-1:9092");
        assertThatThrownBy(() -> base.withTopicLayout("city os", 12)).hasMessageContaining("cityos.kafka.topic-prefix");
        assertThatThrownBy(() -> base.withTopicLayout("cityos.", 0)).hasMessageContaining("cityos.kafka.partitions");
        assertThatThrownBy(() -> base.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1)))
                .hasMessageContaining("cityos.kafka.delivery-timeout");
        assertThatThrownBy(
                        () -> base.withConsumer(0, Duration.ofMillis(100), Duration.ofMillis(1), Duration.ofSeconds(1)))
                .hasMessageContaining("cityos.kafka.max-poll-records");
        assertThatThrownBy(() ->
                        base.withConsumer(10, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("cityos.kafka.retry-backoff-max");
    }
}
