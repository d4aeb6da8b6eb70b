package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.iot.Integration;
import org.cityos.iot.PayloadForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Platform integrations in {@code iot_integration}; tokens only as SHA-256 digests. */
@Repository
public class IntegrationRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, name, token_hint, vendor, form, mapping::text, device_key_path,"
            + " device_key_kind, items_path, enabled, version, created_at, updated_at";
    private final JdbcClient jdbc;

    public IntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Integration i, byte[] digest) {
        jdbc.sql("INSERT INTO iot_integration (id, name, token_digest, token_hint, vendor, form, mapping,"
                        + " device_key_path, device_key_kind, items_path, enabled, created_at, updated_at, version)"
                        + " VALUES (?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,0)")
                .params(
                        i.id(),
                        i.name(),
                        digest,
                        i.tokenHint(),
                        i.vendor(),
                        i.form() == null ? null : i.form().name(),
                        i.mapping() == null ? null : JSON.writeValueAsString(i.mapping()),
                        i.deviceKeyPath(),
                        i.deviceKeyKind().name(),
                        i.itemsPath(),
                        i.enabled(),
                        Timestamp.from(i.createdAt()),
                        Timestamp.from(i.updatedAt()))
                .update();
    }

    public boolean update(Integration i, int expectedVersion) {
        return jdbc.sql("UPDATE iot_integration SET name = ?, vendor = ?, form = ?, mapping = ?::jsonb,"
                                + " device_key_path = ?, device_key_kind = ?, items_path = ?, enabled = ?,"
                                + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(
                                i.name(),
                                i.vendor(),
                                i.form() == null ? null : i.form().name(),
                                i.mapping() == null ? null : JSON.writeValueAsString(i.mapping()),
                                i.deviceKeyPath(),
                                i.deviceKeyKind().name(),
                                i.itemsPath(),
                                i.enabled(),
                                Timestamp.from(i.updatedAt()),
                                i.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    public void rotate(String id, byte[] digest, String hint, Instant now) {
        jdbc.sql("UPDATE iot_integration SET token_digest = ?, token_hint = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ?")
                .params(digest, hint, Timestamp.from(now), id)
                .update();
    }

    public Optional<Integration> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_integration WHERE id = ?")
                .param(id)
                .query(IntegrationRepository::map)
                .optional();
    }

    public Optional<Integration> findByDigest(byte[] digest) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_integration WHERE token_digest = ?")
                .param(digest)
                .query(IntegrationRepository::map)
                .optional();
    }

    public List<Integration> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_integration ORDER BY name")
                .query(IntegrationRepository::map)
                .list();
    }

    private static Integration map(ResultSet rs, int row) throws SQLException {
        String form = rs.getString(5);
        String mapping = rs.getString(6);
        return new Integration(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                form == null ? null : PayloadForm.valueOf(form),
                mapping == null ? null : JSON.readTree(mapping),
                rs.getString(7),
                Integration.DeviceKeyKind.valueOf(rs.getString(8)),
                rs.getString(9),
                rs.getBoolean(10),
                rs.getInt(11),
                rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13).toInstant());
    }
}
