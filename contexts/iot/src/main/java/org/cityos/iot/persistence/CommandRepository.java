package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DownlinkCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** {@code iot_device_command}: downlink commands and their status moves (each guarded by the expected status). */
@Repository
public class CommandRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, device_id, kind, name, params::text, status, created_at, created_by,"
            + " expires_at, sent_at, done_at, attempts, result";
    private final JdbcClient jdbc;

    public CommandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DownlinkCommand c) {
        jdbc.sql("INSERT INTO iot_device_command (id, device_id, kind, name, params, status, created_at, created_by,"
                        + " expires_at) VALUES (?,?,?,?,?::jsonb,?,?,?,?)")
                .params(
                        c.id(),
                        c.device().value(),
                        c.kind(),
                        c.name(),
                        JSON.writeValueAsString(c.params()),
                        c.status(),
                        Timestamp.from(c.createdAt()),
                        c.createdBy(),
                        Timestamp.from(c.expiresAt()))
                .update();
    }

    public Optional<DownlinkCommand> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device_command WHERE id = ?")
                .param(id)
                .query(CommandRepository::map)
                .optional();
    }

    public List<DownlinkCommand> ofDevice(DeviceId device, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device_command WHERE device_id = ?"
                        + " ORDER BY created_at DESC LIMIT ?")
                .params(device.value(), limit)
                .query(CommandRepository::map)
                .list();
    }

    /** Queued commands of a device that have not expired, oldest first. */
    public List<DownlinkCommand> queued(DeviceId device, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_device_command WHERE device_id = ? AND status = 'QUEUED'"
                        + " AND expires_at > ? ORDER BY created_at")
                .params(device.value(), Timestamp.from(now))
                .query(CommandRepository::map)
                .list();
    }

    public boolean sent(String id, Instant at) {
        return jdbc.sql("UPDATE iot_device_command SET status = 'SENT', sent_at = ?, attempts = attempts + 1"
                                + " WHERE id = ? AND status = 'QUEUED'")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /** Final status from a device reply or a delivery failure; only from QUEUED or SENT. */
    public boolean finish(String id, String status, String result, Instant at) {
        return jdbc.sql("UPDATE iot_device_command SET status = ?, result = ?, done_at = ? WHERE id = ?"
                                + " AND status IN ('QUEUED', 'SENT')")
                        .params(status, result, Timestamp.from(at), id)
                        .update()
                == 1;
    }

    public int expire(Instant now) {
        return jdbc.sql(
                        "UPDATE iot_device_command SET status = 'EXPIRED', done_at = ? WHERE status IN ('QUEUED', 'SENT')"
                                + " AND expires_at <= ?")
                .params(Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    private static DownlinkCommand map(ResultSet rs, int row) throws SQLException {
        return new DownlinkCommand(
                rs.getString(1),
                new DeviceId(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                JSON.readTree(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                rs.getInt(12),
                rs.getString(13));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
