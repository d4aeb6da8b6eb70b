package org.cityos.alerting.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alarms whose notices pause because they flap ({@code alerting_notification_flap}). */
@Repository
public class NotificationFlapRepository {
    private final JdbcClient jdbc;

    public NotificationFlapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pause of one alarm: which flapping event started it, and the last change seen since. */
    public record Flap(String alarmId, UUID eventId, Instant since, Instant lastEventAt) {}

    /** The alarm's pause, locked until the caller's transaction ends so that two events do not race on it. */
    public Optional<Flap> lock(String alarmId) {
        return jdbc.sql("SELECT alarm_id, event_id, since, last_event_at FROM alerting_notification_flap"
                        + " WHERE alarm_id = ? FOR UPDATE")
                .param(alarmId)
                .query((rs, row) -> new Flap(
                        rs.getString("alarm_id"),
                        rs.getObject("event_id", UUID.class),
                        rs.getTimestamp("since").toInstant(),
                        rs.getTimestamp("last_event_at").toInstant()))
                .optional();
    }

    /** Starts (or restarts) the alarm's pause. */
    public void start(String alarmId, UUID eventId, Instant at) {
        jdbc.sql("""
                        INSERT INTO alerting_notification_flap (alarm_id, event_id, since, last_event_at)
                        VALUES (:alarm, :event, :at, :at)
                        ON CONFLICT (alarm_id) DO UPDATE SET event_id = :event, since = :at, last_event_at = :at
                        """)
                .param("alarm", alarmId)
                .param("event", eventId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void touch(String alarmId, Instant at) {
        jdbc.sql("UPDATE alerting_notification_flap SET last_event_at = GREATEST(last_event_at, ?) WHERE alarm_id = ?")
                .params(Timestamp.from(at), alarmId)
                .update();
    }

    public void end(String alarmId) {
        jdbc.sql("DELETE FROM alerting_notification_flap WHERE alarm_id = ?")
                .param(alarmId)
                .update();
    }

    /** Forgets pauses of alarms quiet since before {@code before} (settled, or gone). */
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM alerting_notification_flap WHERE last_event_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
