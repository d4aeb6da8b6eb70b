package org.cityos.iot.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The write half of the telemetry store. Every method joins the caller's transaction (the batch's one
 * commit makes all of it durable at once): readings by one COPY, idempotency receipts, dead letters, events.
 */
@Repository
public class TelemetryWriter {
    private static final String COPY =
            "COPY iot_telemetry (device_id, property, ts, num, txt, flags, received_at) FROM STDIN";
    private static final ThreadLocal<CopyText> BUFFER = ThreadLocal.withInitial(CopyText::new);

    private final DataSource dataSource;

    public TelemetryWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records message ids; returns the keys ({@code device + '\n' + id}) that were new, i.e. not duplicates. */
    public Set<String> claimReceipts(List<String> devices, List<String> messageIds, Instant now) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (devices.isEmpty()) {
            return fresh;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iot_ingest_receipt (device_id, message_id,"
                + " received_at) SELECT d, m, ? FROM unnest(?::text[], ?::text[]) AS r(d, m)"
                + " ON CONFLICT DO NOTHING RETURNING device_id, message_id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", devices.toArray()));
            ps.setArray(3, c.createArrayOf("text", messageIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1) + '\n' + rs.getString(2));
                }
            }
        }
        return fresh;
    }

    /** Streams the readings into the partitioned table with one COPY. */
    public void copy(List<ReadingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyText text = BUFFER.get();
        text.reset();
        for (ReadingRow r : rows) {
            text.text(r.deviceId())
                    .tab()
                    .text(r.property())
                    .tab()
                    .instant(r.at())
                    .tab();
            text.number(r.number())
                    .tab()
                    .text(r.text())
                    .tab()
                    .integer(r.flags())
                    .tab();
            text.instant(r.receivedAt()).newline();
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(text.bytes(), 0, text.size());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (text.bytes().length > (8 << 20)) {
            BUFFER.remove();
        }
    }

    public void deadLetters(List<DeadLetterRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iot_dead_letter (received_at, device_id, type_code,"
                + " channel, kind, form, integration_id, reason_code, reason, payload) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (DeadLetterRow r : rows) {
                ps.setTimestamp(1, Timestamp.from(r.receivedAt()));
                ps.setString(2, r.deviceId());
                ps.setString(3, r.typeCode());
                ps.setString(4, r.channel());
                ps.setString(5, r.kind());
                ps.setString(6, r.form());
                ps.setString(7, r.integrationId());
                ps.setString(8, r.reasonCode());
                ps.setString(9, r.reason().length() > 1000 ? r.reason().substring(0, 1000) : r.reason());
                ps.setBytes(10, r.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void events(List<DeviceEventRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iot_device_event (device_id, ts, name, data,"
                + " received_at) VALUES (?,?,?,?::jsonb,?)")) {
            for (DeviceEventRow r : rows) {
                ps.setString(1, r.deviceId());
                ps.setTimestamp(2, Timestamp.from(r.at()));
                ps.setString(3, r.name());
                ps.setString(4, r.dataJson());
                ps.setTimestamp(5, Timestamp.from(r.receivedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Merges reported attributes (a JSON object) into the device's latest row, creating it if needed. */
    public void attributes(String deviceId, String json, Instant at) throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iot_device_latest (device_id, last_seen,"
                + " first_seen, online, readings, attributes, updated_at) VALUES (?,?,?,true,'{}'::jsonb,?::jsonb,?)"
                + " ON CONFLICT (device_id) DO UPDATE SET attributes = iot_device_latest.attributes"
                + " || excluded.attributes, updated_at = excluded.updated_at")) {
            Timestamp t = Timestamp.from(at);
            ps.setString(1, deviceId);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            ps.setString(4, json);
            ps.setTimestamp(5, t);
            ps.executeUpdate();
        }
    }
}
