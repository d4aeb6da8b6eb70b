package org.cityos.iot;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Telemetry ingest and store settings ({@code cityos.iot.telemetry.*}).
 *
 * @param writers threads writing batches (each its own transaction; two overlap one COPY with the other's commit)
 * @param maxBatch most messages in one write transaction; a message waits for the whole batch it lands in (its COPY,
 *     commit and the rules after it), so this bounds that wait as well as the transaction's size
 * @param queueCapacity messages waiting for a writer; when full, new messages are refused as overload (HTTP 503,
 *     MQTT stops reading) — memory stays bounded
 * @param maxPayload largest accepted message body
 * @param latestFlushInterval how often changed latest values are written to {@code iot_device_latest}
 * @param latestFlushRows most devices whose values (not health) changed written per flush, longest waiting first
 * @param offlineFactor a device is offline after this many of its type's shortest reporting intervals of silence
 * @param minOfflineAfter never call a device offline sooner than this
 * @param connectivitySweep how often silence is checked
 * @param rollupInterval how often the 1-minute and 1-hour rollups catch up
 * @param rollupLateness rollups read only rows received at least this long ago, so no commit is skipped
 * @param partitionsAhead daily partitions created ahead of today
 * @param retention how long readings are kept unless the type says otherwise
 * @param retentionByType per device type code, how long its readings are kept
 * @param receiptRetention how long message ids are remembered for idempotency
 * @param commandTtl how long a downlink command waits for its device by default
 * @param lowBattery battery percentage at or below which a device's health is "battery low"
 * @param livePendingDevices devices a live subscriber may have waiting before it is cut off as too slow
 * @param scheduled whether the housekeeping jobs run on their own (tests drive them by hand)
 */
@ConfigurationProperties("cityos.iot.telemetry")
public record TelemetryProperties(
        Integer writers,
        Integer maxBatch,
        Integer queueCapacity,
        DataSize maxPayload,
        Duration latestFlushInterval,
        Integer latestFlushRows,
        Integer offlineFactor,
        Duration minOfflineAfter,
        Duration connectivitySweep,
        Duration rollupInterval,
        Duration rollupLateness,
        Integer partitionsAhead,
        Duration retention,
        Map<String, Duration> retentionByType,
        Duration receiptRetention,
        Duration commandTtl,
        Double lowBattery,
        Integer livePendingDevices,
        Boolean scheduled) {

    public TelemetryProperties {
        writers = writers == null ? 2 : writers;
        // 1,000, not 5,000: after a stall a writer took 5,000 messages (15,000 readings) at once, and on two busy
        // cores such a batch took 0.5–2.6 s to store and evaluate, all of it added to every message in it (issue 6).
        // Group commit stays: at 10,000 msg/s the batches are still hundreds of messages, one fsync each.
        maxBatch = maxBatch == null ? 1000 : maxBatch;
        queueCapacity = queueCapacity == null ? 100_000 : queueCapacity;
        maxPayload = maxPayload == null ? DataSize.ofKilobytes(256) : maxPayload;
        latestFlushInterval = latestFlushInterval == null ? Duration.ofSeconds(2) : latestFlushInterval;
        latestFlushRows = latestFlushRows == null ? 2000 : latestFlushRows;
        offlineFactor = offlineFactor == null ? 3 : offlineFactor;
        minOfflineAfter = minOfflineAfter == null ? Duration.ofMinutes(2) : minOfflineAfter;
        connectivitySweep = connectivitySweep == null ? Duration.ofSeconds(10) : connectivitySweep;
        rollupInterval = rollupInterval == null ? Duration.ofSeconds(30) : rollupInterval;
        rollupLateness = rollupLateness == null ? Duration.ofSeconds(30) : rollupLateness;
        partitionsAhead = partitionsAhead == null ? 2 : partitionsAhead;
        retention = retention == null ? Duration.ofDays(90) : retention;
        retentionByType = retentionByType == null ? Map.of() : Map.copyOf(retentionByType);
        receiptRetention = receiptRetention == null ? Duration.ofDays(7) : receiptRetention;
        commandTtl = commandTtl == null ? Duration.ofMinutes(10) : commandTtl;
        lowBattery = lowBattery == null ? 20.0 : lowBattery;
        livePendingDevices = livePendingDevices == null ? 20_000 : livePendingDevices;
        scheduled = scheduled == null || scheduled;
        if (writers < 1 || writers > 16 || maxBatch < 1 || queueCapacity < maxBatch) {
            throw new IllegalArgumentException(
                    "cityos.iot.telemetry: writers 1..16, max-batch ≥ 1, queue-capacity ≥ max-batch");
        }
        if (offlineFactor < 1 || partitionsAhead < 1 || retention.toDays() < 1) {
            throw new IllegalArgumentException(
                    "cityos.iot.telemetry: offline-factor ≥ 1, partitions-ahead ≥ 1, retention ≥ 1 day");
        }
    }

    public static TelemetryProperties defaults() {
        return new TelemetryProperties(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** How long readings of this type are kept. */
    public Duration retentionOf(String typeCode) {
        return retentionByType.getOrDefault(typeCode, retention);
    }
}
