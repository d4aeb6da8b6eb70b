package org.cityos.iot.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.IngestOverloaded;
import org.cityos.iot.IngestUnavailable;
import org.cityos.kafka.KafkaBatchConsumer;
import org.cityos.kafka.KafkaRecord;
import org.cityos.kafka.KafkaRecordLog;
import org.cityos.kafka.RunningConsumer;

/**
 * The scale-out inbound log: a message is durable once Kafka (acks=all) has it, keyed by device id so one
 * device's messages stay in order; the consumer group {@code cityos-ingest} spreads partitions over the nodes,
 * each storing its batches and committing offsets only after PostgreSQL committed. A crash between the two
 * re-delivers the batch: at-least-once, with message-id receipts making retried ids count once.
 */
public final class KafkaInboundLog implements InboundLog, AutoCloseable {
    public static final String TOPIC = "telemetry.inbound";
    public static final String GROUP = "cityos-ingest";

    private final KafkaRecordLog log;
    private final String topic;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final IngestMetrics metrics;
    private RunningConsumer consumer;

    public KafkaInboundLog(
            KafkaRecordLog log, String topicPrefix, int partitions, int maxInFlight, IngestMetrics metrics) {
        this.log = log;
        this.topic = topicPrefix + TOPIC;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        log.ensureTopic(topic, partitions);
    }

    /** Starts this node's member of the ingest group. */
    public void consume(KafkaBatchConsumer consumers, BatchStore store) {
        consumer = consumers.start(topic, GROUP, batch -> store(store, batch));
    }

    private void store(BatchStore store, List<KafkaRecord> batch) {
        List<InboundMessage> messages = new ArrayList<>(batch.size());
        for (KafkaRecord r : batch) {
            messages.add(InboundCodec.decode(r.value()));
        }
        List<IngestOutcome> outcomes = store.store(messages);
        for (int i = 0; i < outcomes.size(); i++) {
            metrics.outcome(messages.get(i).channel(), outcomes.get(i));
        }
    }

    @Override
    public CompletableFuture<IngestOutcome> append(InboundMessage message) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            metrics.refused(message.channel().name(), "overload");
            return CompletableFuture.failedFuture(new IngestOverloaded());
        }
        String key = message.device() != null ? message.device().value() : "integration:" + message.integrationId();
        return log.append(topic, key, InboundCodec.encode(message)).handle((ok, failure) -> {
            inFlight.decrementAndGet();
            if (failure != null) {
                throw new IngestUnavailable(failure);
            }
            // Durably queued; whether it becomes readings or a dead letter is decided by the consumer.
            return IngestOutcome.STORED;
        });
    }

    @Override
    public int backlog() {
        return inFlight.get();
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.stop();
        }
    }
}
