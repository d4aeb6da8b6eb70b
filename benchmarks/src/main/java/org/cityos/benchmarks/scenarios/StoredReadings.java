package org.cityos.benchmarks.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cityos.benchmarks.ingest.AckLedger;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.ingest.ReadingPayload;

/**
 * The scripted loss check: which (device, ts) readings CityOS stored, read with SQL straight from
 * {@code iot_telemetry} (property {@code pm25}, one row per message), compared with the publishers'
 * {@link AckLedger}. Lost = acknowledged but not stored; duplicates = messages stored more than once.
 */
record StoredReadings(BitSet[] stored, long rows, long messages) {

    /** What the comparison found. */
    record Comparison(long acked, long stored, long lost, long storedWithoutAck, long duplicates) {}

    /** Rows of {@code property = 'pm25'} at or after {@code from}: cheap enough to poll while CityOS catches up. */
    static long count(int dbPort, Instant from) throws SQLException {
        try (Connection db = TelemetryCopy.connect(dbPort, "postgres");
                PreparedStatement ps =
                        db.prepareStatement("SELECT count(*) FROM iot_telemetry WHERE property = 'pm25' AND ts >= ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static StoredReadings read(int dbPort, List<DeviceLogin> devices, ReadingPayload payload) throws SQLException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            index.put(devices.get(i).deviceId(), i);
        }
        BitSet[] stored = new BitSet[devices.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = new BitSet();
        }
        long rows = 0;
        long messages = 0;
        try (Connection db = TelemetryCopy.connect(dbPort, "postgres");
                PreparedStatement ps = db.prepareStatement("SELECT device_id,"
                        + " floor(extract(epoch FROM ts) * 1000)::bigint AS ms, count(*) FROM iot_telemetry"
                        + " WHERE property = 'pm25' AND ts >= ? GROUP BY device_id, ms")) {
            ps.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(payload.baseMillis())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer device = index.get(rs.getString(1));
                    long seq = payload.seq(rs.getLong(2));
                    if (device == null || seq < 0) {
                        continue;
                    }
                    stored[device].set(Math.toIntExact(seq));
                    rows += rs.getLong(3);
                    messages++;
                }
            }
        }
        return new StoredReadings(stored, rows, messages);
    }

    /** Compares with the ledger; {@code sent[i]}: how many sequence numbers device i used. */
    Comparison against(AckLedger ledger, long[] sent) {
        long acked = 0;
        long lost = 0;
        long unacked = 0;
        for (int d = 0; d < stored.length; d++) {
            for (int seq = 0; seq < sent[d]; seq++) {
                boolean a = ledger.isAcked(d, seq);
                boolean s = stored[d].get(seq);
                if (a) {
                    acked++;
                    if (!s) {
                        lost++;
                    }
                } else if (s) {
                    unacked++;
                }
            }
        }
        return new Comparison(acked, messages, lost, unacked, rows - messages);
    }
}
