package org.cityos.iot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.internal.ingest.LatestState;
import org.cityos.iot.persistence.LatestRepository;
import org.cityos.iot.persistence.TelemetryQueries;
import org.cityos.iot.persistence.TelemetryRollups;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Reading the telemetry store: a property's series over a time range (raw, or downsampled by an aggregate over
 * an interval — from the rollups when they cover the range), and a device's latest state and health. Only
 * devices the actor may see.
 */
public class Telemetry {
    public static final int MAX_POINTS = 10_000;
    private static final Duration MAX_RANGE = Duration.ofDays(400);

    private final Devices devices;
    private final TelemetryQueries queries;
    private final TelemetryRollups rollups;
    private final LatestState latest;
    private final LatestRepository latestRepository;

    public Telemetry(
            Devices devices,
            TelemetryQueries queries,
            TelemetryRollups rollups,
            LatestState latest,
            LatestRepository latestRepository) {
        this.devices = devices;
        this.queries = queries;
        this.rollups = rollups;
        this.latest = latest;
        this.latestRepository = latestRepository;
    }

    public TelemetrySeries series(
            Actor actor,
            DeviceId id,
            String property,
            Instant from,
            Instant to,
            TelemetryAggregation aggregation,
            Duration interval,
            int limit) {
        actor.require(Permission.DEVICE_READ);
        devices.visible(actor, id);
        validate(property, from, to, aggregation, interval, limit);
        if (aggregation == TelemetryAggregation.NONE) {
            List<TelemetrySeries.Point> points = queries.raw(id, property, from, to, limit + 1);
            boolean truncated = points.size() > limit;
            return new TelemetrySeries(
                    id,
                    property,
                    from,
                    to,
                    aggregation,
                    null,
                    "raw",
                    truncated,
                    truncated ? points.subList(0, limit) : points);
        }
        long buckets = Duration.between(from, to).toSeconds() / interval.toSeconds();
        if (buckets > MAX_POINTS) {
            throw InvalidInput.of("interval", "telemetry.too-many-points", MAX_POINTS);
        }
        Optional<Instant> covered = rollups.watermark();
        boolean rolledUp = covered.isPresent() && !to.isAfter(covered.get().minus(Duration.ofHours(1)));
        String source = "raw";
        List<TelemetrySeries.Point> points;
        if (rolledUp && interval.toSeconds() % 3600 == 0 && onEdges(from, to, 3600)) {
            source = "rollup-1h";
            points = queries.rolled("1h", id, property, from, to, aggregation, interval);
        } else if (rolledUp && interval.toSeconds() % 60 == 0 && onEdges(from, to, 60)) {
            source = "rollup-1m";
            points = queries.rolled("1m", id, property, from, to, aggregation, interval);
        } else {
            points = queries.binned(id, property, from, to, aggregation, interval);
        }
        return new TelemetrySeries(id, property, from, to, aggregation, interval, source, false, points);
    }

    /**
     * Whether both ends fall on bucket edges: a rollup bucket is all or nothing, so a range cutting through one
     * would count readings outside it (or miss those inside), and only the raw rows can answer exactly.
     */
    private static boolean onEdges(Instant from, Instant to, long bucketSeconds) {
        return from.getNano() == 0
                && to.getNano() == 0
                && from.getEpochSecond() % bucketSeconds == 0
                && to.getEpochSecond() % bucketSeconds == 0;
    }

    private static void validate(
            String property, Instant from, Instant to, TelemetryAggregation agg, Duration interval, int limit) {
        if (property == null || property.isBlank() || property.length() > 100) {
            throw InvalidInput.of("property", "validation.required");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInput.of("to", "telemetry.range-order");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw InvalidInput.of("from", "telemetry.range-too-long", MAX_RANGE.toDays());
        }
        if (limit < 1 || limit > MAX_POINTS) {
            throw InvalidInput.of("limit", "validation.range", 1, MAX_POINTS);
        }
        if (agg != TelemetryAggregation.NONE && (interval == null || interval.toSeconds() < 1)) {
            throw InvalidInput.of("interval", "telemetry.interval-required");
        }
    }

    /**
     * The device's latest values and health: this node's fresh copy, else the flushed one — with several nodes
     * consuming Kafka partitions, a device's readings may all be stored by another node.
     */
    public Optional<DeviceSnapshot> latest(Actor actor, DeviceId id) {
        actor.require(Permission.DEVICE_READ);
        Device device = devices.visible(actor, id);
        // The cache learns a device's type lazily; the registry row is at hand here.
        return latest.snapshot(id)
                .or(() -> latestRepository.find(id))
                .map(s -> new DeviceSnapshot(
                        s.device(),
                        device.typeCode(),
                        s.firstSeen(),
                        s.lastSeen(),
                        s.online(),
                        s.readings(),
                        s.battery(),
                        s.fault()));
    }

    /** Attributes the device last reported (firmware, settings), as a JSON object. */
    public Optional<tools.jackson.databind.JsonNode> attributes(Actor actor, DeviceId id) {
        actor.require(Permission.DEVICE_READ);
        devices.visible(actor, id);
        return latestRepository.attributes(id);
    }
}
