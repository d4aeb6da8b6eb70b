package org.cityos.iot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Readings of one device property over a time range, raw or downsampled.
 *
 * @param source where the points came from: {@code raw}, {@code rollup-1m} or {@code rollup-1h}
 * @param truncated whether more raw readings exist than the limit returned
 */
public record TelemetrySeries(
        DeviceId device,
        String property,
        Instant from,
        Instant to,
        TelemetryAggregation aggregation,
        Duration interval,
        String source,
        boolean truncated,
        List<Point> points) {

    /** One point; {@code value} null for text readings, {@code count} readings behind an aggregate. */
    public record Point(Instant at, Double value, String text, long count, int flags) {}
}
