package org.cityos.iot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cityos.iot.ChannelAccessEntry;
import org.cityos.iot.VideoChannelId;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The access log {@code iot_video_access}: insert-only, read newest first. */
@Repository
public class ChannelAccessRepository {
    private final JdbcClient jdbc;

    public ChannelAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(
            VideoChannelId channel,
            String actorId,
            String actorName,
            List<String> departments,
            String purpose,
            boolean allowed,
            String reason,
            Instant at) {
        return jdbc.sql("INSERT INTO iot_video_access (channel_id, actor_id, actor_name, departments, purpose, allowed,"
                        + " reason, occurred_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id")
                .params(
                        channel.value(),
                        actorId,
                        actorName,
                        departments.toArray(String[]::new),
                        purpose,
                        allowed,
                        reason,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    public Page<ChannelAccessEntry> of(VideoChannelId channel, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM iot_video_access WHERE channel_id = ?")
                .param(channel.value())
                .query(Long.class)
                .single();
        List<ChannelAccessEntry> items = jdbc.sql("SELECT id, channel_id, actor_id, actor_name, departments, purpose,"
                        + " allowed, reason, occurred_at FROM iot_video_access WHERE channel_id = ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(channel.value(), page.limit(), page.offset())
                .query(ChannelAccessRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    static ChannelAccessEntry map(ResultSet rs, int row) throws SQLException {
        return new ChannelAccessEntry(
                rs.getLong("id"),
                new VideoChannelId(rs.getObject("channel_id", UUID.class)),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                List.of((String[]) rs.getArray("departments").getArray()),
                rs.getString("purpose"),
                rs.getBoolean("allowed"),
                rs.getString("reason"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
