package org.cityos.iot.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily partitions of {@code iot_telemetry} (UTC days). Partitions are created ahead; a day whose readings
 * already sit in the default partition (a device with a wrong clock, old buffered data) gets them moved into
 * its new partition in the same transaction. Whole days past retention are dropped, not deleted row by row.
 */
@Repository
public class TelemetryPartitions {
    private static final DateTimeFormatter NAME = DateTimeFormatter.BASIC_ISO_DATE;
    private final JdbcClient jdbc;

    public TelemetryPartitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The days that have a partition, oldest first. */
    public List<LocalDate> days() {
        return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'iot_telemetry'"
                        + " AND c.relname LIKE 'iot\\_telemetry\\_p%' ORDER BY c.relname")
                .query((rs, i) -> LocalDate.parse(rs.getString(1).substring("iot_telemetry_p".length()), NAME))
                .list();
    }

    /** Creates the day's partition if missing; returns whether it was created. */
    @Transactional
    public boolean ensure(LocalDate day) {
        String name = "iot_telemetry_p" + NAME.format(day);
        Boolean exists = jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                .param(name)
                .query(Boolean.class)
                .single();
        if (exists) {
            return false;
        }
        Timestamp from = Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        jdbc.sql("LOCK TABLE iot_telemetry_default IN EXCLUSIVE MODE").update();
        boolean strays = jdbc.sql("SELECT EXISTS (SELECT 1 FROM iot_telemetry_default WHERE ts >= ? AND ts < ?)")
                .params(from, to)
                .query(Boolean.class)
                .single();
        if (strays) {
            jdbc.sql("CREATE TEMP TABLE iot_telemetry_moving ON COMMIT DROP AS SELECT * FROM iot_telemetry_default"
                            + " WHERE ts >= ? AND ts < ?")
                    .params(from, to)
                    .update();
            jdbc.sql("DELETE FROM iot_telemetry_default WHERE ts >= ? AND ts < ?")
                    .params(from, to)
                    .update();
        }
        jdbc.sql("CREATE TABLE " + name + " PARTITION OF iot_telemetry FOR VALUES FROM ('" + from.toInstant()
                        + "') TO ('" + to.toInstant() + "')")
                .update();
        if (strays) {
            jdbc.sql("INSERT INTO iot_telemetry SELECT * FROM iot_telemetry_moving")
                    .update();
        }
        return true;
    }

    /** Drops every daily partition that ends at or before {@code cutoff}; returns the days dropped. */
    @Transactional
    public List<LocalDate> dropBefore(Instant cutoff) {
        List<LocalDate> gone = days().stream()
                .filter(d ->
                        !d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(cutoff))
                .toList();
        for (LocalDate d : gone) {
            jdbc.sql("DROP TABLE iot_telemetry_p" + NAME.format(d)).update();
        }
        jdbc.sql("DELETE FROM iot_telemetry_default WHERE ts < ?")
                .param(Timestamp.from(cutoff))
                .update();
        return gone;
    }

    /** Deletes one type's readings older than its own (shorter) retention; returns rows deleted. */
    @Transactional
    public int deleteTypeBefore(String typeCode, Instant cutoff) {
        Timestamp c = Timestamp.from(cutoff);
        int n = jdbc.sql("DELETE FROM iot_telemetry t USING iot_device d WHERE t.device_id = d.id COLLATE \"C\""
                        + " AND d.type_code = ? AND t.ts < ?")
                .params(typeCode, c)
                .update();
        for (String rollup : List.of("iot_telemetry_1m", "iot_telemetry_1h")) {
            jdbc.sql("DELETE FROM " + rollup + " r USING iot_device d WHERE r.device_id = d.id COLLATE \"C\""
                            + " AND d.type_code = ? AND r.bucket < ?")
                    .params(typeCode, c)
                    .update();
        }
        return n;
    }

    /** Forgets message ids older than the cutoff. */
    public int purgeReceipts(Instant cutoff) {
        return jdbc.sql("DELETE FROM iot_ingest_receipt WHERE received_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }
}
