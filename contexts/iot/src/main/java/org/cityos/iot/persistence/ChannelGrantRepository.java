package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cityos.iot.ChannelGrant;
import org.cityos.iot.VideoChannelId;
import org.cityos.kernel.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sharing grants in {@code iot_video_grant}; at most one unrevoked grant per channel and department. */
@Repository
public class ChannelGrantRepository {
    private static final String COLUMNS =
            "id, channel_id, department, purpose, granted_by, granted_at, expires_at, revoked_by, revoked_at";
    private final JdbcClient jdbc;

    public ChannelGrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the grant, or moves the expiry of the unrevoked one the department holds already. */
    public ChannelGrant grant(
            VideoChannelId channel, DepartmentCode department, String purpose, String by, Instant at, Instant expires) {
        return jdbc.sql("INSERT INTO iot_video_grant (channel_id, department, purpose, granted_by, granted_at,"
                        + " expires_at) VALUES (?,?,?,?,?,?) ON CONFLICT (channel_id, department)"
                        + " WHERE revoked_at IS NULL DO UPDATE SET purpose = EXCLUDED.purpose,"
                        + " granted_by = EXCLUDED.granted_by, granted_at = EXCLUDED.granted_at,"
                        + " expires_at = EXCLUDED.expires_at RETURNING " + COLUMNS)
                .params(channel.value(), department.value(), purpose, by, Timestamp.from(at), Timestamp.from(expires))
                .query(ChannelGrantRepository::map)
                .single();
    }

    public Optional<ChannelGrant> revoke(VideoChannelId channel, DepartmentCode department, String by, Instant at) {
        return jdbc.sql("UPDATE iot_video_grant SET revoked_by = ?, revoked_at = ? WHERE channel_id = ?"
                        + " AND department = ? AND revoked_at IS NULL RETURNING " + COLUMNS)
                .params(by, Timestamp.from(at), channel.value(), department.value())
                .query(ChannelGrantRepository::map)
                .optional();
    }

    /** Every grant of a channel, newest first, revoked and expired ones included. */
    public List<ChannelGrant> of(VideoChannelId channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iot_video_grant WHERE channel_id = ? ORDER BY granted_at DESC, id"
                        + " DESC")
                .param(channel.value())
                .query(ChannelGrantRepository::map)
                .list();
    }

    /** The departments holding an unrevoked grant unexpired at {@code now}, per channel. */
    public Map<VideoChannelId, Set<DepartmentCode>> grantees(Collection<VideoChannelId> channels, Instant now) {
        Map<VideoChannelId, Set<DepartmentCode>> result = new HashMap<>();
        if (channels.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT channel_id, department FROM iot_video_grant WHERE channel_id = ANY(?)"
                        + " AND revoked_at IS NULL AND expires_at > ?")
                .params(channels.stream().map(VideoChannelId::value).toArray(UUID[]::new), Timestamp.from(now))
                .query((rs, n) -> result.computeIfAbsent(
                                new VideoChannelId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
                        .add(DepartmentCode.of(rs.getString(2))))
                .list();
        return result;
    }

    static ChannelGrant map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ChannelGrant(
                rs.getLong("id"),
                new VideoChannelId(rs.getObject("channel_id", UUID.class)),
                DepartmentCode.of(rs.getString("department")),
                rs.getString("purpose"),
                rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getString("revoked_by"),
                revoked == null ? null : revoked.toInstant());
    }
}
