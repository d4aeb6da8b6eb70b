package org.cityos.iot.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.DeadLetter;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceScope;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.MessageKind;
import org.cityos.iot.PayloadForm;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code iot_dead_letter}: listing in the actor's scope, one letter with its payload, status changes. */
@Repository
public class DeadLetterRepository {
    private static final String COLUMNS = "l.id, l.received_at, l.device_id, l.type_code, l.channel, l.kind, l.form,"
            + " l.integration_id, l.reason_code, l.reason, l.payload, l.status, l.attempts, l.resolved_at, l.resolved_by";
    private final JdbcClient jdbc;

    public DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Letters newest first; a scoped actor sees only letters about devices in its scope. */
    public Page<DeadLetter> page(
            DeviceScope scope, String status, String reasonCode, DeviceId device, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" AND l.status = ?");
            params.add(status);
        }
        if (reasonCode != null) {
            where.append(" AND l.reason_code = ?");
            params.add(reasonCode);
        }
        if (device != null) {
            where.append(" AND l.device_id = ?");
            params.add(device.value());
        }
        if (!scope.everything()) {
            where.append(" AND (false");
            for (String prefix : scope.divisionPrefixes()) {
                where.append(" OR d.division LIKE ?");
                params.add(prefix + "%");
            }
            for (String dept : scope.departments()) {
                where.append(" OR d.department = ?");
                params.add(dept);
            }
            where.append(")");
        }
        String from = " FROM iot_dead_letter l LEFT JOIN iot_device d ON d.id = l.device_id";
        long total = jdbc.sql("SELECT count(*)" + from + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.limit());
        pageParams.add(page.offset());
        List<DeadLetter> items = jdbc.sql("SELECT " + COLUMNS + from + where + " ORDER BY l.id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(DeadLetterRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_dead_letter l WHERE l.id = ?")
                .param(id)
                .query(DeadLetterRepository::map)
                .optional();
    }

    public Optional<byte[]> payload(long id) {
        return jdbc.sql("SELECT payload FROM iot_dead_letter WHERE id = ?")
                .param(id)
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }

    public boolean resolve(long id, String status, String by, Instant now) {
        return jdbc.sql(
                                "UPDATE iot_dead_letter SET status = ?, resolved_at = ?, resolved_by = ?, attempts = attempts + 1"
                                        + " WHERE id = ? AND status = 'NEW'")
                        .params(status, Timestamp.from(now), by, id)
                        .update()
                == 1;
    }

    public void failedAgain(long id, String reasonCode, String reason) {
        jdbc.sql("UPDATE iot_dead_letter SET attempts = attempts + 1, reason_code = ?, reason = ? WHERE id = ?")
                .params(reasonCode, reason, id)
                .update();
    }

    public long count(String status) {
        return jdbc.sql("SELECT count(*) FROM iot_dead_letter WHERE status = ?")
                .param(status)
                .query(Long.class)
                .single();
    }

    private static DeadLetter map(ResultSet rs, int row) throws SQLException {
        byte[] payload = rs.getBytes(11);
        String device = rs.getString(3);
        String form = rs.getString(7);
        Timestamp resolved = rs.getTimestamp(14);
        String text = new String(payload, 0, Math.min(payload.length, 64 * 1024), StandardCharsets.UTF_8);
        return new DeadLetter(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                device == null ? null : new DeviceId(device),
                rs.getString(4),
                IngestChannel.valueOf(rs.getString(5)),
                MessageKind.valueOf(rs.getString(6)),
                form == null ? null : PayloadForm.valueOf(form),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                text,
                payload.length,
                rs.getString(12),
                rs.getInt(13),
                resolved == null ? null : resolved.toInstant(),
                rs.getString(15));
    }
}
