package org.cityos.iot.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.cityos.iot.DeviceCredentialCheck;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Token digests in {@code iot_device_credential}; a token is found by its digest's primary key. */
@Repository
public class DeviceCredentialRepository {
    private final JdbcClient jdbc;

    public DeviceCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] digest, DeviceId device, String hint, Instant now) {
        jdbc.sql("INSERT INTO iot_device_credential (digest, device_id, hint, created_at) VALUES (?,?,?,?)")
                .params(digest, device.value(), hint, Timestamp.from(now))
                .update();
    }

    /** Lets the device's live tokens run out at {@code until} (never later than they already would); returns how many. */
    public int expireLive(DeviceId device, Instant until, Instant now) {
        return jdbc.sql("UPDATE iot_device_credential SET expires_at = LEAST(COALESCE(expires_at, ?), ?)"
                        + " WHERE device_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")
                .params(Timestamp.from(until), Timestamp.from(until), device.value(), Timestamp.from(now))
                .update();
    }

    public int revokeAll(DeviceId device, Instant now) {
        return jdbc.sql("UPDATE iot_device_credential SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), device.value())
                .update();
    }

    /** The device behind a live token: one primary-key lookup joined to the device row. */
    public Optional<DeviceCredentialCheck> live(byte[] digest, Instant now) {
        return jdbc.sql("SELECT d.id, d.type_code, d.state, c.expires_at FROM iot_device_credential c"
                        + " JOIN iot_device d ON d.id = c.device_id WHERE c.digest = ? AND c.revoked_at IS NULL"
                        + " AND (c.expires_at IS NULL OR c.expires_at > ?) AND d.state <> 'RETIRED'")
                .params(digest, Timestamp.from(now))
                .query((rs, i) -> {
                    Timestamp expires = rs.getTimestamp(4);
                    return new DeviceCredentialCheck(
                            new DeviceId(rs.getString(1)),
                            rs.getString(2),
                            DeviceState.valueOf(rs.getString(3)),
                            expires == null ? null : expires.toInstant());
                })
                .optional();
    }
}
