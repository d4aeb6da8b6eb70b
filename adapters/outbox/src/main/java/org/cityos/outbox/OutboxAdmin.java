package org.cityos.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.problem.NotFound;
import org.cityos.outbox.internal.Retention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** What an operator sees and does: parked deliveries, retrying them, backlog figures, purging old rows. */
public final class OutboxAdmin {
    private final OutboxEventBus bus;
    private final JdbcClient jdbc;
    private final Retention retention;
    private final Clock clock;
    private final Duration keepFor;

    public OutboxAdmin(
            OutboxEventBus bus, PlatformTransactionManager transactions, Clock clock, EventProperties properties) {
        this.bus = bus;
        this.jdbc = bus.jdbc();
        this.retention = new Retention(jdbc, transactions);
        this.clock = clock;
        this.keepFor = properties.retention();
    }

    /** Parked deliveries, oldest first. */
    public Page<ParkedDelivery> parked(PageRequest page) {
        List<ParkedDelivery> items = jdbc.sql("""
                        SELECT d.id, d.event_id, e.type, e.key, d.consumer, d.attempts, d.last_error,
                               e.occurred_at, d.last_attempt_at
                        FROM outbox_delivery d JOIN outbox_event e ON e.event_id = d.event_id
                        WHERE d.status = 'PARKED'
                        ORDER BY d.id
                        LIMIT :limit OFFSET :offset
                        """)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(OutboxAdmin::parkedDelivery)
                .list();
        return new Page<>(items, parkedCount(), page.offset(), page.limit());
    }

    /**
     * Makes a parked delivery due now with a fresh set of attempts. Returns false, changing nothing,
     * when it is not parked (already pending again, or delivered), so a double click is harmless.
     *
     * @throws NotFound when no delivery has that id
     */
    public boolean retry(long deliveryId) {
        int changed = jdbc.sql("""
                        UPDATE outbox_delivery
                        SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status = 'PARKED'
                        """)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("id", deliveryId)
                .update();
        if (changed == 0) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM outbox_delivery WHERE id = :id)")
                    .param("id", deliveryId)
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw new NotFound("outbox-delivery", deliveryId);
            }
            return false;
        }
        bus.wakeRelayAfterCommit();
        return true;
    }

    public OutboxStats stats() {
        return jdbc.sql("""
                        SELECT
                          (SELECT count(*) FROM outbox_delivery WHERE status = 'PENDING') AS pending,
                          (SELECT count(*) FROM outbox_delivery WHERE status = 'PARKED') AS parked,
                          (SELECT count(*) FROM outbox_event e
                           WHERE NOT e.fanned_out
                              OR EXISTS (SELECT 1 FROM outbox_delivery d
                                         WHERE d.event_id = e.event_id AND d.status <> 'DELIVERED')) AS undelivered
                        """)
                .query((rs, row) ->
                        new OutboxStats(rs.getLong("pending"), rs.getLong("parked"), rs.getLong("undelivered")))
                .single();
    }

    /** Deletes deliveries delivered, and events fully delivered, longer than the retention ago. */
    public PurgeResult purge() {
        Retention.Purged purged = retention.purge(clock.instant().minus(keepFor));
        return new PurgeResult(purged.deliveries(), purged.events());
    }

    long pendingCount() {
        return count("PENDING");
    }

    long parkedCount() {
        return count("PARKED");
    }

    private long count(String status) {
        return jdbc.sql("SELECT count(*) FROM outbox_delivery WHERE status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private static ParkedDelivery parkedDelivery(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastAttempt = rs.getObject("last_attempt_at", OffsetDateTime.class);
        return new ParkedDelivery(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getString("key"),
                rs.getString("consumer"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                lastAttempt == null ? null : lastAttempt.toInstant());
    }
}
