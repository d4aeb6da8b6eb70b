package org.cityos.iot.internal.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.persistence.DeadLetterRow;

/**
 * Ingest counters: messages by channel and outcome, readings stored, dead letters by reason, refusals at the
 * edge by reason (bad credentials, topic spoofing, oversize, overload …), batch sizes and write times, and how long
 * each batch's oldest message waited for a writer ({@code cityos.ingest.queue.wait}: when it grows, messages are
 * queued faster than they are stored, or a pause stopped the writers).
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter readings;
    private final DistributionSummary batchSize;
    private final Timer batchTime;
    private final Timer queueWait;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter[][] outcomes =
            new Counter[org.cityos.iot.IngestChannel.values().length][IngestOutcome.values().length];

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.readings = registry.counter("cityos.ingest.readings");
        this.batchSize = DistributionSummary.builder("cityos.ingest.batch.size").register(registry);
        this.batchTime = Timer.builder("cityos.ingest.batch.time").register(registry);
        this.queueWait = Timer.builder("cityos.ingest.queue.wait")
                .description("how long the oldest message of each batch waited for a writer")
                .register(registry);
    }

    void stored(int readingCount, List<DeadLetterRow> dead) {
        readings.increment(readingCount);
        for (DeadLetterRow d : dead) {
            counter("cityos.ingest.dead-letters", "reason", d.reasonCode()).increment();
        }
    }

    void batch(int size, Duration took) {
        batchSize.record(size);
        batchTime.record(took);
    }

    void waited(Duration oldest) {
        queueWait.record(oldest);
    }

    /** Counts outcomes; the counters are looked up once per channel and outcome, not per message. */
    public void outcome(org.cityos.iot.IngestChannel channel, IngestOutcome outcome) {
        Counter c = outcomes[channel.ordinal()][outcome.ordinal()];
        if (c == null) {
            c = counter("cityos.ingest.messages", "channel", channel.name(), "outcome", outcome.name());
            outcomes[channel.ordinal()][outcome.ordinal()] = c;
        }
        c.increment();
    }

    /** A message refused before it was accepted; {@code reason} is a short stable word. */
    public void refused(String channel, String reason) {
        counter("cityos.ingest.refused", "channel", channel, "reason", reason).increment();
    }

    public double refusedCount(String channel, String reason) {
        Counter c = counters.get(key("cityos.ingest.refused", "channel", channel, "reason", reason));
        return c == null ? 0 : c.count();
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(key(name, tags), k -> registry.counter(name, tags));
    }

    private static String key(String name, String... tags) {
        return name + String.join("|", tags);
    }
}
