package org.cityos.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Starts group members that hand batches of records to a {@link BatchHandler} and commit only what
 * it took. Members started with the same group, on this node or any other, share the topic's
 * partitions; start several on one node to use more cores.
 */
public final class KafkaBatchConsumer implements AutoCloseable {
    private final KafkaSettings settings;
    private final MeterRegistry meters;
    private final List<RunningConsumer> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public KafkaBatchConsumer(KafkaSettings settings, MeterRegistry meters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("cityos.kafka.bootstrap-servers is empty: Kafka is off");
        }
    }

    /**
     * Joins {@code group} on {@code topic} with a new member and its own thread. A group without
     * committed offsets starts at the earliest record, so nothing appended before it is missed.
     */
    public RunningConsumer start(String topic, String group, BatchHandler handler) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(handler, "handler");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a consumer group needs a stable, non-blank name");
        }
        String clientId = settings.clientId() + "-" + group + "-" + sequence.incrementAndGet();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                consumerConfig(settings, group, clientId), new StringDeserializer(), new ByteArrayDeserializer());
        RunningConsumer member = new RunningConsumer(consumer, clientId, topic, group, handler, settings, meters);
        started.add(member);
        member.start();
        return member;
    }

    /** Stops every member this instance started. */
    public void stop() {
        for (RunningConsumer member : started) {
            member.stop();
        }
        started.clear();
    }

    @Override
    public void close() {
        stop();
    }

    static Properties consumerConfig(KafkaSettings settings, String group, String clientId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // A retried batch waits at most retry-backoff-max between polls; keep well inside the poll interval.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                Math.max(300_000, settings.retryBackoffMax().toMillis() * 4));
        return config;
    }
}
