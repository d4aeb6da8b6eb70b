package org.cityos.iot.internal.ingest;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceEventReported;
import org.cityos.iot.DeviceId;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.TelemetryReading;
import org.cityos.iot.persistence.DeadLetterRow;
import org.cityos.iot.persistence.DeviceEventRow;
import org.cityos.iot.persistence.ReadingRow;
import org.cityos.iot.persistence.TelemetryWriter;
import org.cityos.kernel.event.EventBus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of messages in one transaction: idempotency receipts first (a message id seen before is a
 * duplicate and writes nothing), then one COPY of all readings, dead letters, events and attributes. Only
 * after the commit does it report outcomes and update the latest state — so an acknowledged message is a
 * stored one.
 *
 * <p>Behind the embedded queue it decodes each message on the thread that received it and shows the readings to
 * the observers that {@linkplain org.cityos.iot.TelemetryObserver#ahead() look ahead} as soon as the message is
 * queued; the others see them after the commit, as before. Behind Kafka every observer sees them after the commit.
 */
public final class BatchStore implements IngestQueue.Stages<Decoded> {
    private final TransactionTemplate transactions;
    private final TelemetryWriter writer;
    private final MessageDecoder decoder;
    private final LatestState latest;
    private final DeviceDirectory directory;
    private final EventBus events;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final double lowBattery;
    private final List<Consumer<Map<String, List<TelemetryReading>>>> latestListeners;
    private final java.util.function.BooleanSupplier wanted;
    private final java.util.function.Supplier<List<org.cityos.iot.TelemetryObserver>> observers;
    private volatile Map<Boolean, List<org.cityos.iot.TelemetryObserver>> split;

    public BatchStore(
            TransactionTemplate transactions,
            TelemetryWriter writer,
            MessageDecoder decoder,
            LatestState latest,
            DeviceDirectory directory,
            EventBus events,
            IngestMetrics metrics,
            Clock clock,
            double lowBattery,
            List<Consumer<Map<String, List<TelemetryReading>>>> latestListeners,
            java.util.function.BooleanSupplier changesWanted,
            java.util.function.Supplier<List<org.cityos.iot.TelemetryObserver>> observers) {
        this.wanted = changesWanted;
        this.observers = observers;
        this.transactions = transactions;
        this.writer = writer;
        this.decoder = decoder;
        this.latest = latest;
        this.directory = directory;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.lowBattery = lowBattery;
        this.latestListeners = latestListeners;
    }

    /** The embedded queue for this store: messages decoded on arrival, stored in batches by {@code writers}. */
    public IngestQueue<?> queue(IngestMetrics queueMetrics, int capacity, int maxBatch, int writers) {
        return new IngestQueue<>(this, queueMetrics, capacity, maxBatch, writers);
    }

    @Override
    public Decoded prepare(InboundMessage message) {
        return decoder.decode(message);
    }

    @Override
    public void queued(Decoded decoded) {
        if (!decoded.readings().isEmpty()) {
            tellObservers(decoded.readings(), true);
        }
    }

    /** Stores the batch (as Kafka hands it over); throws (and stores nothing) if the database fails. */
    public List<IngestOutcome> store(List<InboundMessage> batch) {
        List<Decoded> decoded = new ArrayList<>(batch.size());
        for (InboundMessage m : batch) {
            decoded.add(decoder.decode(m));
        }
        return store(batch, decoded, false);
    }

    /** Stores the batch as the queue prepared it; the observers that looked ahead have seen it already. */
    @Override
    public List<IngestOutcome> store(List<InboundMessage> batch, List<Decoded> decoded) {
        return store(batch, decoded, true);
    }

    private List<IngestOutcome> store(List<InboundMessage> batch, List<Decoded> decoded, boolean lookedAhead) {
        IngestOutcome[] outcomes = new IngestOutcome[batch.size()];
        List<ReadingRow> readings = new ArrayList<>();
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            try {
                markDuplicates(batch, outcomes, now);
                List<DeadLetterRow> dead = new ArrayList<>();
                List<DeviceEventRow> deviceEvents = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    if (outcomes[i] == IngestOutcome.DUPLICATE) {
                        continue;
                    }
                    Decoded d = decoded.get(i);
                    readings.addAll(d.readings());
                    dead.addAll(d.deadLetters());
                    deviceEvents.addAll(d.events());
                    for (Decoded.AttributeWrite a : d.attributes()) {
                        writer.attributes(a.deviceId(), a.json(), batch.get(i).receivedAt());
                    }
                    outcomes[i] = d.stored() ? IngestOutcome.STORED : IngestOutcome.DEAD_LETTERED;
                }
                writer.copy(readings);
                writer.deadLetters(dead);
                writer.events(deviceEvents);
                publish(deviceEvents);
                metrics.stored(readings.size(), dead);
            } catch (SQLException e) {
                throw new IllegalStateException("telemetry batch not stored: " + e.getMessage(), e);
            }
        });
        if (!readings.isEmpty()) {
            Map<String, List<TelemetryReading>> changed =
                    latest.apply(readings, now, lowBattery, wanted.getAsBoolean());
            for (Consumer<Map<String, List<TelemetryReading>>> l : latestListeners) {
                l.accept(changed);
            }
            tellObservers(readings, lookedAhead ? false : null);
        }
        return List.of(outcomes);
    }

    /** Tells the observers that look {@code ahead} (true), those that do not (false), or all (null). */
    private void tellObservers(List<ReadingRow> readings, Boolean ahead) {
        List<org.cityos.iot.TelemetryObserver> all = ahead == null ? observers.get() : split().get(ahead);
        if (all.isEmpty()) {
            return;
        }
        List<org.cityos.iot.StoredReading> stored = new ArrayList<>(readings.size());
        for (ReadingRow r : readings) {
            stored.add(new org.cityos.iot.StoredReading(r.deviceId(), r.property(), r.at(), r.number(), r.text()));
        }
        List<org.cityos.iot.StoredReading> view = java.util.Collections.unmodifiableList(stored);
        for (org.cityos.iot.TelemetryObserver o : all) {
            try {
                o.stored(view);
            } catch (RuntimeException e) {
                // An observer's failure must never fail a batch that is already committed and acknowledged.
                org.slf4j.LoggerFactory.getLogger(BatchStore.class).warn("telemetry observer failed", e);
            }
        }
    }

    /** The observers that look ahead (true) and the others (false), sorted once. */
    private Map<Boolean, List<org.cityos.iot.TelemetryObserver>> split() {
        Map<Boolean, List<org.cityos.iot.TelemetryObserver>> s = split;
        if (s == null) {
            s = observers.get().stream()
                    .collect(java.util.stream.Collectors.partitioningBy(org.cityos.iot.TelemetryObserver::ahead));
            split = s;
        }
        return s;
    }

    private void markDuplicates(List<InboundMessage> batch, IngestOutcome[] outcomes, Instant now) throws SQLException {
        List<String> devices = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundMessage m = batch.get(i);
            if (m.messageId() == null || m.device() == null) {
                continue;
            }
            String key = m.device().value() + '\n' + m.messageId();
            if (!seen.add(key)) {
                outcomes[i] = IngestOutcome.DUPLICATE;
                continue;
            }
            devices.add(m.device().value());
            ids.add(m.messageId());
        }
        if (devices.isEmpty()) {
            return;
        }
        Set<String> fresh = writer.claimReceipts(devices, ids, now);
        seen.clear();
        for (int i = 0; i < batch.size(); i++) {
            InboundMessage m = batch.get(i);
            if (m.messageId() == null || m.device() == null || outcomes[i] != null) {
                continue;
            }
            String key = m.device().value() + '\n' + m.messageId();
            if (!fresh.contains(key) || !seen.add(key)) {
                outcomes[i] = IngestOutcome.DUPLICATE;
            }
        }
    }

    private void publish(List<DeviceEventRow> rows) {
        for (DeviceEventRow r : rows) {
            Device d = directory.device(new DeviceId(r.deviceId())).orElse(null);
            events.publish(new DeviceEventReported(
                    r.deviceId(),
                    d == null ? null : d.typeCode(),
                    d == null ? null : d.division().value(),
                    r.name(),
                    r.at(),
                    r.dataJson()));
        }
    }
}
