package org.cityos.iot.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1-minute and 1-hour rollups (count, sum, min, max of numeric readings). Each run reads the rows *received*
 * since the last run (BRIN on received_at) and adds them to the buckets of their reading time, so readings that
 * arrive late still land in their bucket and no row is counted twice.
 */
@Repository
public class TelemetryRollups {
    private static final String WATERMARK = "rollup";
    private static final Duration MAX_STEP = Duration.ofMinutes(10);
    private final JdbcClient jdbc;

    public TelemetryRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> watermark() {
        return jdbc.sql("SELECT reached FROM iot_rollup_watermark WHERE name = ?")
                .param(WATERMARK)
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** Catches up to {@code until} (at most ten minutes of arrivals per call); returns the new watermark. */
    @Transactional
    public Instant catchUp(Instant until) {
        Instant from = jdbc.sql("SELECT reached FROM iot_rollup_watermark WHERE name = ? FOR UPDATE")
                .param(WATERMARK)
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElseGet(() -> jdbc.sql("SELECT min(received_at) FROM iot_telemetry")
                        .query((rs, i) -> rs.getTimestamp(1) == null
                                ? until
                                : rs.getTimestamp(1).toInstant())
                        .single());
        if (!from.isBefore(until)) {
            return from;
        }
        Instant to = from.plus(MAX_STEP).isBefore(until) ? from.plus(MAX_STEP) : until;
        jdbc.sql("CREATE TEMP TABLE iot_rollup_delta ON COMMIT DROP AS SELECT device_id, property,"
                        + " date_trunc('minute', ts) AS bucket, count(*) AS n, sum(num) AS total, min(num) AS lo,"
                        + " max(num) AS hi FROM iot_telemetry WHERE received_at >= ? AND received_at < ?"
                        + " AND num IS NOT NULL GROUP BY 1, 2, 3")
                .params(Timestamp.from(from), Timestamp.from(to))
                .update();
        jdbc.sql("INSERT INTO iot_telemetry_1m AS r SELECT * FROM iot_rollup_delta" + merge())
                .update();
        jdbc.sql("INSERT INTO iot_telemetry_1h AS r SELECT device_id, property, date_trunc('hour', bucket), sum(n),"
                        + " sum(total), min(lo), max(hi) FROM iot_rollup_delta GROUP BY 1, 2, 3" + merge())
                .update();
        jdbc.sql("INSERT INTO iot_rollup_watermark (name, reached) VALUES (?, ?) ON CONFLICT (name)"
                        + " DO UPDATE SET reached = excluded.reached")
                .params(WATERMARK, Timestamp.from(to))
                .update();
        return to;
    }

    private static String merge() {
        return " ON CONFLICT (device_id, property, bucket) DO UPDATE SET n = r.n + excluded.n,"
                + " total = r.total + excluded.total, lo = LEAST(r.lo, excluded.lo), hi = GREATEST(r.hi, excluded.hi)";
    }
}
