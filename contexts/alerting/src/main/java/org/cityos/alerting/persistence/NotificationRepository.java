package org.cityos.alerting.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cityos.alerting.Channel.AlarmChange;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.Delivery;
import org.cityos.alerting.Severity;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries in {@code alerting_notification}: written by the event consumer, claimed and settled by the
 * dispatcher of any node.
 */
@Repository
public class NotificationRepository {
    // SKIP LOCKED: rows another node is claiming are passed over, not waited for. The claim itself is the lease:
    // SENDING with next_attempt_at in the future, so no long transaction is held while the receiver answers.
    private static final String CLAIM = """
            UPDATE alerting_notification n
            SET status = 'SENDING', attempts = n.attempts + 1, last_attempt_at = :now, next_attempt_at = :leaseUntil
            WHERE n.id IN (
                SELECT id FROM alerting_notification
                WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now AND attempts < :maxAttempts
                ORDER BY next_attempt_at, id
                LIMIT :batch
                FOR UPDATE SKIP LOCKED)
            RETURNING n.id, n.channel_id, n.change, n.body, n.subject, n.message, n.attempts
            """;
    private static final String COLUMNS = "n.id, n.channel_id, c.kind, n.event_id, n.change, n.alarm_id, n.severity,"
            + " n.status, n.attempts, n.last_error, n.next_attempt_at, n.last_attempt_at, n.delivered_at, n.created_at";

    private final JdbcClient jdbc;

    public NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery to write; {@code status} is PENDING, or SKIPPED with the reason in {@code note}. */
    public record NewDelivery(
            UUID id,
            UUID channelId,
            UUID eventId,
            AlarmChange change,
            String alarmId,
            Severity severity,
            String body,
            String subject,
            String message,
            Delivery.Status status,
            String note,
            Instant createdAt) {}

    /** A delivery this node now holds: what to send, to which channel, as which attempt. */
    public record Claimed(
            UUID id, UUID channelId, AlarmChange change, String body, String subject, String message, int attempt) {}

    /** Writes the deliveries; those of an (event, channel) pair already there are left alone. */
    public int insertAll(List<NewDelivery> deliveries) {
        int written = 0;
        for (NewDelivery d : deliveries) {
            written += jdbc.sql("""
                            INSERT INTO alerting_notification (id, channel_id, event_id, change, alarm_id, severity,
                                body, subject, message, status, last_error, next_attempt_at, created_at)
                            VALUES (:id, :channel, :event, :change, :alarm, :severity, :body, :subject, :message,
                                :status, :note, :created, :created)
                            ON CONFLICT (event_id, channel_id) DO NOTHING
                            """)
                    .param("id", d.id())
                    .param("channel", d.channelId())
                    .param("event", d.eventId())
                    .param("change", d.change().name())
                    .param("alarm", d.alarmId())
                    .param("severity", d.severity().name())
                    .param("body", d.body())
                    .param("subject", d.subject())
                    .param("message", d.message())
                    .param("status", d.status().name())
                    .param("note", d.note())
                    .param("created", Timestamp.from(d.createdAt()))
                    .update();
        }
        return written;
    }

    public List<Claimed> claim(Instant now, Instant leaseUntil, int batch, int maxAttempts) {
        return jdbc.sql(CLAIM)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", Timestamp.from(leaseUntil))
                .param("maxAttempts", maxAttempts)
                .param("batch", batch)
                .query((rs, row) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getObject("channel_id", UUID.class),
                        AlarmChange.valueOf(rs.getString("change")),
                        rs.getString("body"),
                        rs.getString("subject"),
                        rs.getString("message"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Settles an attempt; false when the lease was lost meanwhile (another node took the delivery over), in which
     * case that node's outcome counts.
     */
    public boolean settle(
            UUID id, int attempt, Delivery.Status status, Instant nextAttemptAt, String error, Instant deliveredAt) {
        return jdbc.sql("""
                                UPDATE alerting_notification
                                SET status = :status, next_attempt_at = :next, last_error = :error,
                                    delivered_at = :delivered
                                WHERE id = :id AND status = 'SENDING' AND attempts = :attempt
                                """)
                        .param("status", status.name())
                        .param("next", Timestamp.from(nextAttemptAt))
                        .param("error", error)
                        .param("delivered", deliveredAt == null ? null : Timestamp.from(deliveredAt))
                        .param("id", id)
                        .param("attempt", attempt)
                        .update()
                == 1;
    }

    /** Deliveries whose node died during their last allowed attempt: FAILED, since nobody may try again. */
    public int failAbandoned(Instant now, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE alerting_notification
                        SET status = 'FAILED', last_error = 'the node sending the last attempt stopped answering'
                        WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now AND attempts >= :max
                        """)
                .param("now", Timestamp.from(now))
                .param("max", maxAttempts)
                .update();
    }

    /** Forgets finished deliveries created before {@code before}. */
    public int purge(Instant before) {
        return jdbc.sql("DELETE FROM alerting_notification"
                        + " WHERE status IN ('DELIVERED', 'FAILED', 'SKIPPED') AND created_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    /** Newest first, among the given channels; null filters are not applied. */
    public Page<Delivery> list(
            List<UUID> channels, UUID channel, Delivery.Status status, String alarmId, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("n.channel_id = ANY(:channels)"));
        if (channel != null) {
            where.add("n.channel_id = :channel");
        }
        if (status != null) {
            where.add("n.status = :status");
        }
        if (alarmId != null) {
            where.add("n.alarm_id = :alarm");
        }
        String from = " FROM alerting_notification n JOIN alerting_channel c ON c.id = n.channel_id WHERE "
                + String.join(" AND ", where);
        long total = bind(jdbc.sql("SELECT count(*)" + from), channels, channel, status, alarmId)
                .query(Long.class)
                .single();
        List<Delivery> items = bind(
                        jdbc.sql("SELECT " + COLUMNS + from
                                + " ORDER BY n.created_at DESC, n.id LIMIT :limit OFFSET :offset"),
                        channels,
                        channel,
                        status,
                        alarmId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(NotificationRepository::map)
                .list();
        return new Page<>(items, total, page.offset(), page.limit());
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, List<UUID> channels, UUID channel, Delivery.Status status, String alarm) {
        spec = spec.param("channels", channels.toArray(UUID[]::new));
        if (channel != null) {
            spec = spec.param("channel", channel);
        }
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (alarm != null) {
            spec = spec.param("alarm", alarm);
        }
        return spec;
    }

    static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("channel_id", UUID.class),
                ChannelKind.valueOf(rs.getString("kind")),
                rs.getObject("event_id", UUID.class),
                AlarmChange.valueOf(rs.getString("change")),
                rs.getString("alarm_id"),
                Severity.valueOf(rs.getString("severity")),
                Delivery.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                instant(rs, "delivered_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
