package org.cityos.iot.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceSnapshot;
import org.cityos.iot.TelemetryReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code iot_device_latest}: the flushed copy of each device's latest readings, health and attributes. */
@Repository
public class LatestRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public LatestRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Upserts changed devices in one statement (attributes are kept). Joins the caller's transaction. */
    public void upsert(List<DeviceSnapshot> snapshots, Instant now) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        int n = snapshots.size();
        String[] ids = new String[n];
        Timestamp[] last = new Timestamp[n];
        Timestamp[] first = new Timestamp[n];
        Boolean[] online = new Boolean[n];
        String[] readings = new String[n];
        for (int i = 0; i < n; i++) {
            DeviceSnapshot s = snapshots.get(i);
            ids[i] = s.device().value();
            last[i] = Timestamp.from(s.lastSeen());
            first[i] = Timestamp.from(s.firstSeen());
            online[i] = s.online();
            readings[i] = readingsJson(s.readings());
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO iot_device_latest (device_id, last_seen,"
                + " first_seen, online, readings, updated_at) SELECT d, l, f, o, r::jsonb, ? FROM"
                + " unnest(?::text[], ?::timestamptz[], ?::timestamptz[], ?::boolean[], ?::text[]) AS x(d, l, f, o, r)"
                + " ON CONFLICT (device_id) DO UPDATE SET last_seen = excluded.last_seen, online = excluded.online,"
                + " readings = excluded.readings, updated_at = excluded.updated_at")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("timestamptz", last));
            ps.setArray(4, c.createArrayOf("timestamptz", first));
            ps.setArray(5, c.createArrayOf("boolean", online));
            ps.setArray(6, c.createArrayOf("text", readings));
            ps.executeUpdate();
        }
    }

    private static final String SNAPSHOT = "SELECT l.device_id, d.type_code, l.first_seen, l.last_seen, l.online,"
            + " l.readings::text FROM iot_device_latest l JOIN iot_device d ON d.id = l.device_id";

    public void forEach(Consumer<DeviceSnapshot> each) {
        jdbc.sql(SNAPSHOT).query(rs -> {
            each.accept(snapshot(rs));
        });
    }

    /** The device's state as last flushed by whichever node holds it fresh. */
    public Optional<DeviceSnapshot> find(DeviceId id) {
        return jdbc.sql(SNAPSHOT + " WHERE l.device_id = ?")
                .param(id.value())
                .query((rs, i) -> snapshot(rs))
                .optional();
    }

    private static DeviceSnapshot snapshot(java.sql.ResultSet rs) throws SQLException {
        return new DeviceSnapshot(
                new DeviceId(rs.getString(1)),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getBoolean(5),
                readings(rs.getString(6)),
                null,
                null);
    }

    public Optional<JsonNode> attributes(DeviceId id) {
        return jdbc.sql("SELECT attributes::text FROM iot_device_latest WHERE device_id = ?")
                .param(id.value())
                .query((rs, i) -> JSON.readTree(rs.getString(1)))
                .optional();
    }

    /** Written by hand: this runs for every changed device on every flush, Jackson's tree costs more. */
    static String readingsJson(Map<String, TelemetryReading> readings) {
        StringBuilder b = new StringBuilder(64 * readings.size() + 2).append('{');
        for (TelemetryReading r : readings.values()) {
            if (b.length() > 1) {
                b.append(',');
            }
            quoted(b, r.property()).append(":{\"at\":\"").append(r.at()).append('"');
            if (r.value() != null) {
                b.append(",\"v\":").append(r.value().isInfinite() || r.value().isNaN() ? "null" : r.value());
            }
            if (r.text() != null) {
                quoted(b.append(",\"t\":"), r.text());
            }
            b.append(",\"f\":").append(r.flags()).append('}');
        }
        return b.append('}').toString();
    }

    private static StringBuilder quoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    static Map<String, TelemetryReading> readings(String json) {
        Map<String, TelemetryReading> out = new HashMap<>();
        JSON.readTree(json).properties().forEach(e -> {
            JsonNode v = e.getValue();
            out.put(
                    e.getKey(),
                    new TelemetryReading(
                            e.getKey(),
                            Instant.parse(v.path("at").asString()),
                            v.has("v") ? v.get("v").doubleValue() : null,
                            v.has("t") ? v.get("t").asString() : null,
                            v.path("f").asInt()));
        });
        return out;
    }
}
