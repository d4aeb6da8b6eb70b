package org.cityos.outbox.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns committed events into one PENDING delivery per subscribed consumer. Fan-out is a step of its
 * own so that each consumer then succeeds, retries or parks independently of the others.
 */
public final class FanOut {
    // One statement per batch: lock a batch of unfanned events (other nodes skip it), create the
    // deliveries (ON CONFLICT: a batch re-run after a crash adds nothing twice), mark the batch.
    private static final String FAN_OUT_BATCH = """
            WITH batch AS (
                SELECT id, event_id, type FROM outbox_event
                WHERE NOT fanned_out
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), subscribed AS (
                SELECT * FROM unnest(CAST(:types AS text[]), CAST(:consumers AS text[])) AS s (type, consumer)
            ), deliveries AS (
                INSERT INTO outbox_delivery (event_id, consumer, status, attempts, next_attempt_at)
                SELECT b.event_id, s.consumer, 'PENDING', 0, :now
                FROM batch b JOIN subscribed s ON s.type = b.type
                UNION ALL
                SELECT b.event_id, a.consumer, 'PENDING', 0, :now
                FROM batch b CROSS JOIN unnest(CAST(:everyType AS text[])) AS a (consumer)
                ON CONFLICT (event_id, consumer) DO NOTHING
            )
            UPDATE outbox_event e SET fanned_out = true FROM batch b WHERE e.id = b.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final int batchSize;

    public FanOut(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            Subscriptions subscriptions,
            int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // The relay's own work never joins a caller's transaction, even when runOnce() is called in one.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.batchSize = batchSize;
    }

    /** Fans out one batch; returns how many events it took (0: nothing left that is not locked elsewhere). */
    public int fanOutBatch() {
        while (true) {
            Subscriptions.Pairs pairs = subscriptions.pairs();
            Integer taken = transaction.execute(status -> {
                int rows = jdbc.sql(FAN_OUT_BATCH)
                        .param("limit", batchSize)
                        .param("types", pairs.types())
                        .param("consumers", pairs.consumers())
                        .param("everyType", pairs.everyType())
                        .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
                // A consumer subscribed while the statement ran may have published an event the
                // statement saw; marking it fanned out without that consumer would lose it for good.
                if (subscriptions.pairs() != pairs) {
                    status.setRollbackOnly();
                    return null;
                }
                return rows;
            });
            if (taken != null) {
                return taken;
            }
        }
    }

    /** Fans out batches until none is left; returns how many events it took. */
    public int fanOutAll() {
        int total = 0;
        for (int taken = fanOutBatch(); taken > 0; taken = fanOutBatch()) {
            total += taken;
        }
        return total;
    }
}
