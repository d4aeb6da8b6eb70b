package org.cityos.iot.internal.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceSnapshot;
import org.cityos.iot.TelemetryReading;
import org.cityos.iot.persistence.ReadingRow;

/**
 * The node's fresh copy of every device's latest values and health. Writers apply stored batches after commit;
 * the flusher writes changed devices to {@code iot_device_latest} and turns health changes into events. A
 * reading older than the one held does not replace it (late or replayed data).
 */
public final class LatestState {
    private final Map<String, Entry> devices = new ConcurrentHashMap<>();

    /** One device's state; guarded by its own monitor (two writers may touch the same device). */
    static final class Entry {
        final String deviceId;
        String typeCode;
        Instant firstSeen;
        Instant lastSeen;
        boolean online;
        boolean dirty;
        long seq;
        Instant dirtySince;
        final Map<String, TelemetryReading> readings = new HashMap<>();
        final List<String> changes = new ArrayList<>();
        Double battery;
        String fault;

        Entry(String deviceId) {
            this.deviceId = deviceId;
        }

        synchronized DeviceSnapshot snapshot() {
            return new DeviceSnapshot(
                    new DeviceId(deviceId),
                    typeCode,
                    firstSeen,
                    lastSeen,
                    online,
                    Map.copyOf(readings),
                    battery,
                    fault);
        }
    }

    /** Applies stored readings; returns, per device, the readings that became its latest (for live push). */
    public Map<String, List<TelemetryReading>> apply(List<ReadingRow> rows, Instant now, double lowBattery) {
        return apply(rows, now, lowBattery, true);
    }

    /** As above; without {@code collect} (nobody listens live) the changed readings are not gathered. */
    public Map<String, List<TelemetryReading>> apply(
            List<ReadingRow> rows, Instant now, double lowBattery, boolean collect) {
        Map<String, List<TelemetryReading>> changed = new HashMap<>();
        for (ReadingRow r : rows) {
            Entry e = devices.computeIfAbsent(r.deviceId(), Entry::new);
            synchronized (e) {
                if (e.firstSeen == null) {
                    e.firstSeen = r.receivedAt();
                }
                if (e.lastSeen == null || r.receivedAt().isAfter(e.lastSeen)) {
                    e.lastSeen = r.receivedAt();
                }
                if (!e.online) {
                    e.online = true;
                    e.changes.add("ONLINE");
                }
                e.dirty = true;
                e.seq++;
                TelemetryReading held = e.readings.get(r.property());
                if (held != null && held.at().isAfter(r.at())) {
                    continue;
                }
                TelemetryReading now1 = new TelemetryReading(
                        r.property(), r.at(), Double.isNaN(r.number()) ? null : r.number(), r.text(), r.flags());
                e.readings.put(r.property(), now1);
                health(e, now1, lowBattery);
                e.dirty = true;
                e.seq++;
                if (collect) {
                    changed.computeIfAbsent(r.deviceId(), k -> new ArrayList<>())
                            .add(now1);
                }
            }
        }
        return changed;
    }

    private static void health(Entry e, TelemetryReading r, double lowBattery) {
        String p = r.property();
        if (r.value() != null && (p.equals("battery") || p.equals("batteryLevel") || p.equals("battery_level"))) {
            boolean wasLow = e.battery != null && e.battery <= lowBattery;
            e.battery = r.value();
            if (!wasLow && r.value() <= lowBattery) {
                e.changes.add("BATTERY_LOW");
            }
        } else if (p.equals("faultCode") || p.equals("fault") || p.equals("errorCode")) {
            String code = r.text() != null ? r.text() : formatCode(r.value());
            String fault =
                    code == null || code.isBlank() || code.equals("0") || code.equalsIgnoreCase("none") ? null : code;
            if (fault != null && !fault.equals(e.fault)) {
                e.changes.add("FAULT");
            } else if (fault == null && e.fault != null) {
                e.changes.add("FAULT_CLEARED");
            }
            e.fault = fault;
        }
    }

    private static String formatCode(Double v) {
        if (v == null) {
            return null;
        }
        return v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString();
    }

    public Optional<DeviceSnapshot> snapshot(DeviceId id) {
        Entry e = devices.get(id.value());
        return e == null ? Optional.empty() : Optional.of(e.snapshot());
    }

    /** Restores a device's state from the table at start, unless something newer already arrived. */
    void restore(DeviceSnapshot s) {
        Entry e = devices.computeIfAbsent(s.device().value(), Entry::new);
        synchronized (e) {
            if (e.lastSeen != null) {
                return;
            }
            e.typeCode = s.typeCode();
            e.firstSeen = s.firstSeen();
            e.lastSeen = s.lastSeen();
            e.online = s.online();
            e.readings.putAll(s.readings());
            e.battery = s.battery();
            e.fault = s.fault();
        }
    }

    Iterable<Entry> entries() {
        return devices.values();
    }

    public int size() {
        return devices.size();
    }
}
