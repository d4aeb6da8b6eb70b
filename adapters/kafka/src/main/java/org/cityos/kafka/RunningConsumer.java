package org.cityos.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group member polling one topic on a thread of its own. Offsets are committed only after the
 * handler returned, so a crash, a stop or a rebalance before that hands the records to a member
 * again: at least once, never skipped.
 */
public final class RunningConsumer {
    private static final Logger log = LoggerFactory.getLogger(RunningConsumer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String group;
    private final BatchHandler handler;
    private final KafkaSettings settings;
    private final Thread thread;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    // Offsets of handled batches not yet committed; touched only on the consumer thread.
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private final List<Meter> meters = new ArrayList<>();
    private final MeterRegistry registry;
    private final Counter processed;
    private final Counter failures;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile boolean running = true;

    RunningConsumer(
            KafkaConsumer<String, byte[]> consumer,
            String clientId,
            String topic,
            String group,
            BatchHandler handler,
            KafkaSettings settings,
            MeterRegistry registry) {
        this.consumer = consumer;
        this.topic = topic;
        this.group = group;
        this.handler = handler;
        this.settings = settings;
        this.registry = registry;
        this.processed = register(Counter.builder("cityos.kafka.consumer.records")
                .description("Records handled and committed")
                .tag("topic", topic)
                .tag("group", group)
                .register(registry));
        this.failures = register(Counter.builder("cityos.kafka.consumer.failures")
                .description("Batches whose handler threw; they are handed over again")
                .tag("topic", topic)
                .tag("group", group)
                .register(registry));
        register(Gauge.builder("cityos.kafka.consumer.lag", lag, AtomicLong::get)
                .description("Records in this member's partitions not yet read")
                .tag("topic", topic)
                .tag("group", group)
                .tag("client", clientId)
                .register(registry));
        this.thread = new Thread(this::run, clientId);
    }

    void start() {
        thread.start();
    }

    /** The partitions this member holds now; changes with every rebalance. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Lets the batch in hand finish (its offsets are then committed), leaves the group and waits for
     * the thread; a batch being retried is left uncommitted for the next member.
     */
    public void stop() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Consumer {} of {} did not stop within {}; its handler is still running", group, topic, STOP_WAIT);
        }
        meters.forEach(registry::remove);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            int failuresInARow = 0;
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                updateLag();
                if (records.isEmpty()) {
                    continue;
                }
                if (handle(records)) {
                    failuresInARow = 0;
                    commitHandled();
                } else {
                    failuresInARow++;
                    waitBeforeRetry(failuresInARow);
                }
            }
            commitHandled();
        } catch (RuntimeException | Error e) {
            log.error("Consumer {} of {} stopped after an unexpected failure", group, topic, e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** True when the handler took the batch; false after it threw and the partitions were rewound. */
    private boolean handle(ConsumerRecords<String, byte[]> records) {
        List<KafkaRecord> batch = new ArrayList<>(records.count());
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            TopicPartition partition = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(partition, r.offset());
            next.put(partition, new OffsetAndMetadata(r.offset() + 1));
            batch.add(toRecord(r));
        }
        try {
            handler.handle(List.copyOf(batch));
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (Error) e;
            }
            failures.increment();
            log.warn(
                    "Handler of {} in group {} failed on {} records; they will be handed over again",
                    topic,
                    group,
                    batch.size(),
                    e);
            // Rewind so the next poll returns these records again rather than what follows them.
            first.forEach(consumer::seek);
            return false;
        }
        handled.putAll(next);
        processed.increment(batch.size());
        return true;
    }

    private void commitHandled() {
        if (handled.isEmpty()) {
            return;
        }
        for (int tries = 0; tries < 2; tries++) {
            try {
                consumer.commitSync(handled);
                handled.clear();
                return;
            } catch (WakeupException e) {
                // stop() woke a blocking call; the commit itself is still wanted, so try once more.
            } catch (CommitFailedException e) {
                // The group moved the partitions on: their new owner reads from the last commit.
                log.warn(
                        "Commit of {} in group {} refused after a rebalance; records will be read again", topic, group);
                handled.clear();
                return;
            } catch (KafkaException e) {
                // E.g. a rebalance in progress: kept, committed on revocation or after the next batch.
                log.info("Commit of {} in group {} postponed: {}", topic, group, e.toString());
                return;
            }
        }
    }

    private void waitBeforeRetry(int failuresInARow) {
        long base = settings.retryBackoffBase().toMillis();
        long delay = Math.min(settings.retryBackoffMax().toMillis(), base << Math.min(failuresInARow - 1, 20));
        try {
            // The stop latch, not a sleep: stop() ends the wait at once.
            stopRequested.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : assignment) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private static KafkaRecord toRecord(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : r.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new KafkaRecord(
                r.topic(), r.partition(), r.offset(), r.key(), r.value(), Instant.ofEpochMilli(r.timestamp()), headers);
    }

    private <M extends Meter> M register(M meter) {
        meters.add(meter);
        return meter;
    }

    /** Runs inside poll() on the consumer thread, between batches. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            partitions.forEach(p -> {
                OffsetAndMetadata offset = handled.remove(p);
                if (offset != null) {
                    revoked.put(p, offset);
                }
            });
            if (!revoked.isEmpty()) {
                try {
                    consumer.commitSync(revoked);
                } catch (KafkaException e) {
                    log.warn(
                            "Commit on revocation of {} in group {} failed; records will be read again",
                            topic,
                            group,
                            e);
                }
            }
            assignment = without(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(consumer.assignment());
            log.info("Consumer {} of {} now holds {}", group, topic, assignment);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Lost, not revoked: another member may own them already, so committing would be wrong.
            partitions.forEach(handled::remove);
            assignment = without(partitions);
        }

        // The consumer still lists partitions being revoked or lost while the callback runs.
        private Set<TopicPartition> without(Collection<TopicPartition> partitions) {
            Set<TopicPartition> remaining = new HashSet<>(consumer.assignment());
            remaining.removeAll(partitions);
            return Set.copyOf(remaining);
        }
    }
}
