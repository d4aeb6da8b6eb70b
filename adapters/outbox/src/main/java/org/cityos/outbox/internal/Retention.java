package org.cityos.outbox.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Removes what is done: delivered deliveries and fully delivered events older than a cut-off. */
public final class Retention {
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public Retention(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Deletes rows finished before {@code cutoff}; PENDING and PARKED work is never touched. */
    public Purged purge(Instant cutoff) {
        OffsetDateTime before = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        return transaction.execute(status -> {
            int deliveries = jdbc.sql(
                            "DELETE FROM outbox_delivery WHERE status = 'DELIVERED' AND delivered_at < :before")
                    .param("before", before)
                    .update();
            // An event goes once no delivery is left at all: none was needed (no subscriber), or all
            // were delivered and have just been deleted. Unfanned events are still work.
            int events = jdbc.sql("""
                            DELETE FROM outbox_event e
                            WHERE e.fanned_out AND e.occurred_at < :before
                              AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.event_id)
                            """).param("before", before).update();
            return new Purged(deliveries, events);
        });
    }

    /** How many rows a purge removed. */
    public record Purged(int deliveries, int events) {}
}
