package org.cityos.kafka;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How CityOS talks to Kafka ({@code cityos.kafka.*}). Producers always use {@code acks=all} with
 * idempotence: a record counts as appended only when every in-sync replica has it, and a retried
 * send never duplicates it. Those two are not settings on purpose, since weakening them would
 * silently break what callers acknowledge to devices.
 *
 * @param bootstrapServers {@code host:port,...}; empty turns Kafka off (embedded mode)
 * @param clientId prefix of the client ids this node reports to the brokers
 * @param topicPrefix prefix of every topic CityOS names, so several installations can share a cluster
 * @param partitions partitions of topics CityOS creates; the most consumers a group can spread over
 * @param replicationFactor replicas of topics CityOS creates (3 in production, 1 for a lone broker)
 * @param linger how long the producer waits to fill a batch; a few ms buys throughput cheaply
 * @param batchSize bytes per partition batch
 * @param compression {@code none}, {@code lz4}, {@code zstd}, {@code snappy} or {@code gzip}
 * @param deliveryTimeout the longest an append may take before it fails (broker down, no leader)
 * @param maxBlock the longest {@code append} may block its caller (unknown topic metadata, full buffer)
 * @param maxPollRecords most records handed to a batch handler at once
 * @param pollTimeout how long a consumer waits for records before checking whether it should stop
 * @param retryBackoffBase wait before a failed batch is handed over again; doubles with each failure
 * @param retryBackoffMax the longest wait between attempts at a failing batch
 * @param relayEvents whether domain events from the outbox are relayed to {@code <topicPrefix>events}
 */
@ConfigurationProperties("cityos.kafka")
public record KafkaSettings(
        @DefaultValue("") String bootstrapServers,
        @DefaultValue("cityos") String clientId,
        @DefaultValue("cityos.") String topicPrefix,
        @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("5ms") Duration linger,
        @DefaultValue("65536") int batchSize,
        @DefaultValue("lz4") String compression,
        @DefaultValue("30s") Duration deliveryTimeout,
        @DefaultValue("10s") Duration maxBlock,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("500ms") Duration pollTimeout,
        @DefaultValue("200ms") Duration retryBackoffBase,
        @DefaultValue("30s") Duration retryBackoffMax,
        @DefaultValue("true") boolean relayEvents) {

    private static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "zstd", "snappy", "gzip");

    public KafkaSettings {
        // Bound from configuration every value is set; constructed by hand, null means default.
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
        clientId = clientId == null || clientId.isBlank() ? "cityos" : clientId;
        topicPrefix = topicPrefix == null ? "cityos." : topicPrefix;
        linger = linger == null ? Duration.ofMillis(5) : linger;
        compression = compression == null ? "lz4" : compression;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(30) : deliveryTimeout;
        maxBlock = maxBlock == null ? Duration.ofSeconds(10) : maxBlock;
        pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
        retryBackoffBase = retryBackoffBase == null ? Duration.ofMillis(200) : retryBackoffBase;
        retryBackoffMax = retryBackoffMax == null ? Duration.ofSeconds(30) : retryBackoffMax;
        if (!topicPrefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "cityos.kafka.topic-prefix may only hold letters, digits, '.', '_' and '-'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("cityos.kafka.partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("cityos.kafka.replication-factor must be at least 1");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("cityos.kafka.linger must not be negative");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("cityos.kafka.batch-size must be at least 1");
        }
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("cityos.kafka.compression must be one of " + COMPRESSIONS);
        }
        // Kafka refuses a delivery timeout below linger + request timeout; leave room for a request.
        if (deliveryTimeout.compareTo(linger.plusSeconds(1)) < 0) {
            throw new IllegalArgumentException("cityos.kafka.delivery-timeout must be at least linger + 1s");
        }
        requirePositive("cityos.kafka.max-block", maxBlock);
        requirePositive("cityos.kafka.poll-timeout", pollTimeout);
        requirePositive("cityos.kafka.retry-backoff-base", retryBackoffBase);
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("cityos.kafka.max-poll-records must be at least 1");
        }
        if (retryBackoffMax.compareTo(retryBackoffBase) < 0) {
            throw new IllegalArgumentException("cityos.kafka.retry-backoff-max must not be below retry-backoff-base");
        }
    }

    /** Defaults for the given servers, as configuration without other keys would give. */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(
                bootstrapServers,
                null,
                null,
                12,
                (short) 1,
                null,
                65536,
                null,
                null,
                null,
                500,
                null,
                null,
                null,
                true);
    }

    public boolean enabled() {
        return !bootstrapServers.isEmpty();
    }

    /** The topic of relayed domain events. */
    public String eventsTopic() {
        return topicPrefix + "events";
    }

    public KafkaSettings withTopicLayout(String prefix, int partitionCount) {
        return new KafkaSettings(
                bootstrapServers,
                clientId,
                prefix,
                partitionCount,
                replicationFactor,
                linger,
                batchSize,
                compression,
                deliveryTimeout,
                maxBlock,
                maxPollRecords,
                pollTimeout,
                retryBackoffBase,
                retryBackoffMax,
                relayEvents);
    }

    public KafkaSettings withTimeouts(Duration delivery, Duration block) {
        return new KafkaSettings(
                bootstrapServers,
                clientId,
                topicPrefix,
                partitions,
                replicationFactor,
                linger,
                batchSize,
                compression,
                delivery,
                block,
                maxPollRecords,
                pollTimeout,
                retryBackoffBase,
                retryBackoffMax,
                relayEvents);
    }

    public KafkaSettings withConsumer(int pollRecords, Duration poll, Duration backoffBase, Duration backoffMax) {
        return new KafkaSettings(
                bootstrapServers,
                clientId,
                topicPrefix,
                partitions,
                replicationFactor,
                linger,
                batchSize,
                compression,
                deliveryTimeout,
                maxBlock,
                pollRecords,
                poll,
                backoffBase,
                backoffMax,
                relayEvents);
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
