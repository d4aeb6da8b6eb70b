package org.cityos.iot.internal.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceHealthChanged;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceProperty;
import org.cityos.iot.DeviceSnapshot;
import org.cityos.iot.DeviceType;
import org.cityos.iot.persistence.LatestRepository;
import org.cityos.kernel.event.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps latest state durable and health honest: marks devices offline after silence beyond their type's
 * expected interval, writes changed devices to {@code iot_device_latest}, and publishes every health change
 * (online, offline, battery low, fault) as an event in the same transaction. Driven by a scheduler or a test.
 */
public final class HealthWatch {
    private static final Logger log = LoggerFactory.getLogger(HealthWatch.class);

    private final LatestState latest;
    private final LatestRepository repository;
    private final DeviceDirectory directory;
    private final java.util.function.Function<String, Optional<DeviceType>> types;
    private final EventBus events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int offlineFactor;
    private final Duration minOfflineAfter;
    private final int maxRows;

    public HealthWatch(
            LatestState latest,
            LatestRepository repository,
            DeviceDirectory directory,
            java.util.function.Function<String, Optional<DeviceType>> types,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock,
            int offlineFactor,
            Duration minOfflineAfter,
            int maxRows) {
        this.maxRows = maxRows;
        this.latest = latest;
        this.repository = repository;
        this.directory = directory;
        this.types = types;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.offlineFactor = offlineFactor;
        this.minOfflineAfter = minOfflineAfter;
    }

    /** Loads the flushed state so a restarted node knows last values and who was online. */
    public void restore() {
        repository.forEach(latest::restore);
        log.info("Latest state of {} devices restored", latest.size());
    }

    /** Silence check, then flush; returns how many devices were written. */
    public int runOnce() {
        Instant now = clock.instant();
        List<DeviceSnapshot> dirty = new ArrayList<>();
        List<DeviceHealthChanged> changes = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        for (LatestState.Entry e : latest.entries()) {
            synchronized (e) {
                if (e.typeCode == null) {
                    directory.device(new DeviceId(e.deviceId)).ifPresent(d -> e.typeCode = d.typeCode());
                }
                if (e.online
                        && e.lastSeen != null
                        && e.lastSeen.plus(offlineAfter(e.typeCode)).isBefore(now)) {
                    e.online = false;
                    e.changes.add("OFFLINE");
                    e.dirty = true;
                }
                if (!e.changes.isEmpty()) {
                    e.dirty = true;
                    for (String change : e.changes) {
                        changes.add(event(e, change));
                    }
                    dirty.add(e.snapshot());
                    taken.add(new Taken(e, e.seq, e.changes.size()));
                } else if (e.dirty) {
                    if (e.dirtySince == null) {
                        e.dirtySince = now;
                    }
                    waiting.add(new Waiting(e, e.dirtySince));
                }
            }
        }
        // Health changes always go now; plain value updates at most maxRows a run, longest waiting first, so the
        // table is written as a steady trickle instead of one burst of every device.
        waiting.sort(java.util.Comparator.comparing(Waiting::since));
        for (int i = 0; i < waiting.size() && dirty.size() < maxRows; i++) {
            LatestState.Entry e = waiting.get(i).entry();
            synchronized (e) {
                dirty.add(e.snapshot());
                taken.add(new Taken(e, e.seq, e.changes.size()));
            }
        }
        if (dirty.isEmpty()) {
            return 0;
        }
        transactions.executeWithoutResult(s -> {
            try {
                repository.upsert(dirty, now);
            } catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex);
            }
            changes.forEach(events::publish);
        });
        // Only after the commit: a failed flush leaves everything dirty for the next run.
        // Whatever changed meanwhile stays dirty for the next run.
        for (Taken t : taken) {
            synchronized (t.entry()) {
                t.entry().changes.subList(0, t.changes()).clear();
                if (t.entry().seq == t.seq()) {
                    t.entry().dirty = false;
                    t.entry().dirtySince = null;
                }
            }
        }
        return dirty.size();
    }

    private record Taken(LatestState.Entry entry, long seq, int changes) {}

    private record Waiting(LatestState.Entry entry, Instant since) {}

    private DeviceHealthChanged event(LatestState.Entry e, String change) {
        String division = directory
                .device(new DeviceId(e.deviceId))
                .map(Device::division)
                .map(d -> d.value())
                .orElse(null);
        return new DeviceHealthChanged(e.deviceId, e.typeCode, division, change, e.lastSeen, e.battery, e.fault);
    }

    /** Silence that makes a device of this type offline. */
    public Duration offlineAfter(String typeCode) {
        int shortest = types.apply(typeCode).stream()
                .flatMap(t -> t.properties().stream())
                .mapToInt(DeviceProperty::reportingIntervalSeconds)
                .filter(s -> s > 0)
                .min()
                .orElse(300);
        Duration d = Duration.ofSeconds((long) shortest * offlineFactor);
        return d.compareTo(minOfflineAfter) < 0 ? minOfflineAfter : d;
    }
}
