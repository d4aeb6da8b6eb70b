package org.cityos.iot.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cityos.iot.DeviceId;
import org.cityos.iot.TelemetryAggregation;
import org.cityos.iot.TelemetrySeries.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the telemetry store: raw ranges, downsampling with date_bin, and rollup ranges. */
@Repository
public class TelemetryQueries {
    private static final Instant ORIGIN = Instant.parse("2000-01-01T00:00:00Z");
    private final JdbcClient jdbc;

    public TelemetryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Point> raw(DeviceId device, String property, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT ts, num, txt, flags FROM iot_telemetry WHERE device_id = ? AND property = ?"
                        + " AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?")
                .params(device.value(), property, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, i) -> {
                    double v = rs.getDouble(2);
                    return new Point(
                            rs.getTimestamp(1).toInstant(), rs.wasNull() ? null : v, rs.getString(3), 1, rs.getInt(4));
                })
                .list();
    }

    /** Downsampled from raw rows. */
    public List<Point> binned(
            DeviceId device, String property, Instant from, Instant to, TelemetryAggregation agg, Duration step) {
        String value = switch (agg) {
            case AVG -> "avg(num)";
            case MIN -> "min(num)";
            case MAX -> "max(num)";
            case SUM -> "sum(num)";
            case COUNT, NONE -> "count(*)";
        };
        return jdbc.sql("SELECT date_bin(?::interval, ts, ?) AS b, " + value + ", count(*), bit_or(flags)"
                        + " FROM iot_telemetry WHERE device_id = ? AND property = ? AND ts >= ? AND ts < ?"
                        + " GROUP BY b ORDER BY b")
                .params(
                        step.toSeconds() + " seconds",
                        Timestamp.from(ORIGIN),
                        device.value(),
                        property,
                        Timestamp.from(from),
                        Timestamp.from(to))
                .query((rs, i) -> point(
                        rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.wasNull(), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    /** Downsampled from a rollup table ({@code 1m} or {@code 1h}); the step must be a multiple of its bucket. */
    public List<Point> rolled(
            String table,
            DeviceId device,
            String property,
            Instant from,
            Instant to,
            TelemetryAggregation agg,
            Duration step) {
        String value = switch (agg) {
            case AVG -> "sum(total) / sum(n)";
            case MIN -> "min(lo)";
            case MAX -> "max(hi)";
            case SUM -> "sum(total)";
            case COUNT, NONE -> "sum(n)";
        };
        String rollup = table.equals("1h") ? "iot_telemetry_1h" : "iot_telemetry_1m";
        return jdbc.sql("SELECT date_bin(?::interval, bucket, ?) AS b, " + value + ", sum(n) FROM " + rollup
                        + " WHERE device_id = ? AND property = ? AND bucket >= ? AND bucket < ? GROUP BY b ORDER BY b")
                .params(
                        step.toSeconds() + " seconds",
                        Timestamp.from(ORIGIN),
                        device.value(),
                        property,
                        Timestamp.from(from),
                        Timestamp.from(to))
                .query((rs, i) ->
                        point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.wasNull(), rs.getLong(3), 0))
                .list();
    }

    private static Point point(Instant at, double v, boolean isNull, long count, int flags) {
        return new Point(at, isNull ? null : v, null, count, flags);
    }

    /** Properties a device has reported in the range. */
    public List<String> properties(DeviceId device, Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT property FROM iot_telemetry WHERE device_id = ? AND ts >= ? AND ts < ?"
                        + " ORDER BY property")
                .params(device.value(), Timestamp.from(from), Timestamp.from(to))
                .query(String.class)
                .list();
    }

    /** Streams readings of the types' devices in time order; call inside a transaction so rows arrive in chunks. */
    public long replay(
            java.util.Collection<String> typeCodes,
            java.util.Collection<String> properties,
            Instant from,
            Instant to,
            long limit,
            java.util.function.Consumer<org.cityos.iot.StoredReading> each) {
        String sql = "SELECT t.device_id, t.property, t.ts, t.num, t.txt FROM iot_telemetry t"
                + " JOIN iot_device d ON d.id = t.device_id"
                + " WHERE d.type_code = ANY (?) AND t.ts >= ? AND t.ts < ?"
                + (properties.isEmpty() ? "" : " AND t.property = ANY (?)")
                + " ORDER BY t.ts, t.device_id LIMIT ?";
        List<Object> params = new java.util.ArrayList<>();
        params.add(typeCodes.toArray(String[]::new));
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        if (!properties.isEmpty()) {
            params.add(properties.toArray(String[]::new));
        }
        params.add(limit);
        long[] n = {0};
        try (java.util.stream.Stream<org.cityos.iot.StoredReading> rows = jdbc
                .sql(sql)
                .params(params)
                .withFetchSize(5000)
                .query((rs, i) -> {
                    double num = rs.getDouble(4);
                    if (rs.wasNull()) {
                        num = Double.NaN;
                    }
                    return new org.cityos.iot.StoredReading(
                            rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), num, rs.getString(5));
                })
                .stream()) {
            rows.forEach(r -> {
                n[0]++;
                each.accept(r);
            });
        }
        return n[0];
    }
}
