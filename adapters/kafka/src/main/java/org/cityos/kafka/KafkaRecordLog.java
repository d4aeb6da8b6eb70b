package org.cityos.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends keyed records to Kafka topics through one shared producer. Records with the same key go
 * to the same partition, so one device's (or aggregate's) records keep their order. The returned
 * future completes only when every in-sync replica has the record ({@code acks=all}); it completes
 * on the producer's I/O thread, so callers chain only quick, non-blocking work onto it.
 */
public final class KafkaRecordLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaRecordLog.class);

    private static final Duration LEADER_POLL = Duration.ofMillis(50);

    private final KafkaSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Object adminLock = new Object();
    private Admin admin;

    public KafkaRecordLog(KafkaSettings settings, MeterRegistry meters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("cityos.kafka.bootstrap-servers is empty: Kafka is off");
        }
        this.producer =
                new KafkaProducer<>(producerConfig(settings), new StringSerializer(), new ByteArraySerializer());
    }

    /** Appends a record without headers; see {@link #append(String, String, byte[], Map)}. */
    public CompletableFuture<Void> append(String topic, String key, byte[] value) {
        return append(topic, key, value, Map.of());
    }

    /**
     * Appends a record. Never throws for an unavailable Kafka: the future fails with
     * {@link RecordNotAppended} within {@code cityos.kafka.delivery-timeout} (or {@code max-block} when
     * not even the topic's metadata can be fetched).
     *
     * @param headers string headers, written as UTF-8
     */
    public CompletableFuture<Void> append(String topic, String key, byte[] value, Map<String, String> headers) {
        Objects.requireNonNull(topic, "topic");
        // A null key would spread one device's records over partitions and lose their order.
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        CompletableFuture<Void> appended = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, value, headers(headers));
        long started = System.nanoTime();
        try {
            producer.send(record, (metadata, failure) -> {
                timer(topic, failure == null ? "ok" : "failed")
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                if (failure == null) {
                    appended.complete(null);
                } else {
                    appended.completeExceptionally(new RecordNotAppended(topic, key, failure));
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when metadata does not arrive within max.block.ms or the producer is closed.
            timer(topic, "failed").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            appended.completeExceptionally(new RecordNotAppended(topic, key, e));
        }
        return appended;
    }

    /**
     * Creates the topic unless it exists (with whatever partitions it has). Brokers in production
     * usually refuse auto-creation, and a topic's partition count is a decision: it caps how many
     * consumers of a group share the work and changing it later moves keys between partitions.
     */
    public void ensureTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, settings.replicationFactor());
        try {
            try {
                admin().createTopics(List.of(topic))
                        .all()
                        .get(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created Kafka topic {} with {} partitions", name, partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // Also when it exists: another node may have created it a moment ago.
            awaitLeaders(name);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create Kafka topic " + name, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "could not create Kafka topic " + name + " within " + settings.deliveryTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topic " + name, e);
        }
    }

    /**
     * Returns once every partition of a new topic has a leader. An idempotent producer writing to a
     * partition its broker has not set up yet can see an early batch refused and a later one taken;
     * the early one then fails for good (KAFKA-14359, KAFKA-15591), so appends wait for the leaders.
     */
    private void awaitLeaders(String name) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + settings.deliveryTimeout().toNanos();
        while (true) {
            if (hasLeaders(name)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + name + " have no leader yet");
            }
            Thread.sleep(LEADER_POLL.toMillis());
        }
    }

    // A topic created a moment ago may not be in the metadata the broker answers with yet: that
    // "unknown topic" is the same "not ready" as a partition without a leader.
    private boolean hasLeaders(String name) throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description;
        try {
            description = admin().describeTopics(List.of(name))
                    .allTopicNames()
                    .get(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
        return description.partitions().stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    /** Sends what is buffered now instead of after the linger time; blocks until it is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(settings.deliveryTimeout());
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }

    private Admin admin() {
        synchronized (adminLock) {
            if (admin == null) {
                Properties config = new Properties();
                config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientId() + "-admin");
                int timeout = (int) settings.deliveryTimeout().toMillis();
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
                admin = Admin.create(config);
            }
            return admin;
        }
    }

    private Timer timer(String topic, String outcome) {
        // Looked up per append: cache, since building a meter id is not free on the hot path.
        return timers.computeIfAbsent(topic + '\u0000' + outcome, k -> newTimer(topic, outcome));
    }

    private Timer newTimer(String topic, String outcome) {
        return Timer.builder("cityos.kafka.append")
                .description("Time from append to the brokers' acknowledgement (or failure)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters);
    }

    private static List<Header> headers(Map<String, String> headers) {
        List<Header> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return list;
    }

    static Properties producerConfig(KafkaSettings settings) {
        long linger = settings.linger().toMillis();
        long delivery = settings.deliveryTimeout().toMillis();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight per connection: an idempotent producer whose first batch to a fresh partition is
        // refused while a later one is accepted retries into OutOfOrderSequence until the delivery timeout
        // (KAFKA-14359). With one in flight that ordering cannot arise; linger and batching keep throughput.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, settings.batchSize());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        // Kafka requires delivery.timeout >= linger + request.timeout.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - linger));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis());
        return config;
    }
}
