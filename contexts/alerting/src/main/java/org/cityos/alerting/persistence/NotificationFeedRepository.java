package org.cityos.alerting.persistence;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cityos.alerting.Channel.AlarmChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alarm events every node's live streams read ({@code alerting_notification_feed}). Ids are assigned at insert
 * but become visible at commit, possibly out of order; readers therefore re-read a recent window instead of
 * trusting "everything after the last id".
 */
@Repository
public class NotificationFeedRepository {
    private final JdbcClient jdbc;

    public NotificationFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One alarm event as the streams push it; {@code payload} is its JSON. */
    public record FeedEntry(long id, AlarmChange change, String alarmId, String division, String payload) {}

    public void append(UUID eventId, AlarmChange change, String alarmId, String division, String payload) {
        jdbc.sql("""
                        INSERT INTO alerting_notification_feed (event_id, change, alarm_id, division, payload)
                        VALUES (:event, :change, :alarm, :division, :payload)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("event", eventId)
                .param("change", change.name())
                .param("alarm", alarmId)
                .param("division", division)
                .param("payload", payload)
                .update();
    }

    /** Entries after {@code afterId}, and any recorded within {@code window} (late commits), in id order. */
    public List<FeedEntry> recent(long afterId, Duration window) {
        return jdbc.sql("""
                        SELECT id, change, alarm_id, division, payload FROM alerting_notification_feed
                        WHERE id > :after OR recorded_at > clock_timestamp() - make_interval(secs => :window)
                        ORDER BY id
                        """)
                .param("after", afterId)
                .param("window", window.toMillis() / 1000.0)
                .query((rs, row) -> new FeedEntry(
                        rs.getLong("id"),
                        AlarmChange.valueOf(rs.getString("change")),
                        rs.getString("alarm_id"),
                        rs.getString("division"),
                        rs.getString("payload")))
                .list();
    }

    public long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM alerting_notification_feed")
                .query(Long.class)
                .single();
    }

    /** Forgets entries older than {@code age} (by the database's clock, like the window). */
    public int purge(Duration age) {
        return jdbc.sql("DELETE FROM alerting_notification_feed"
                        + " WHERE recorded_at < clock_timestamp() - make_interval(secs => ?)")
                .param(age.toMillis() / 1000.0)
                .update();
    }
}
