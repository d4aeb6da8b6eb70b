package org.cityos.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-JVM KRaft broker on a free port, one per test class, with the settings tests start from. */
final class TestBroker implements AutoCloseable {
    private final EmbeddedKafkaKraftBroker broker;
    private final Admin admin;

    private TestBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 4);
        // A group's first member would otherwise wait 3 s for others before taking partitions.
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    static TestBroker start() {
        return new TestBroker();
    }

    /** Defaults scaled down for a test: 4 partitions, quick retries and polls, timeouts of seconds. */
    KafkaSettings settings() {
        return KafkaSettings.of(broker.getBrokersAsString())
                .withTopicLayout("test.", 4)
                .withTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(10))
                .withConsumer(500, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /** The group's committed offsets of a topic. */
    Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        broker.destroy();
    }
}
