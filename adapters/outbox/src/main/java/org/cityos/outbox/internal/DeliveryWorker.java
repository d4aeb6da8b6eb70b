package org.cityos.outbox.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.cityos.kernel.event.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one due delivery per call, in a transaction of its own that also holds the consumer's
 * database writes: the writes and the DELIVERED mark commit together or not at all.
 */
public final class DeliveryWorker {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    // Only pairs this node can run are claimed, so a delivery for a consumer another release added
    // is left to nodes that have it instead of failing here. SKIP LOCKED: a row another node is
    // delivering is passed over, not waited for.
    private static final String CLAIM = """
            SELECT d.id, d.consumer, d.attempts, e.event_id, e.type, e.key,
                   CAST(e.payload AS text) AS payload, e.occurred_at
            FROM outbox_delivery d JOIN outbox_event e ON e.event_id = d.event_id
            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
              AND ((e.type, d.consumer) IN (
                       SELECT * FROM unnest(CAST(:types AS text[]), CAST(:consumers AS text[])))
                   OR d.consumer = ANY (CAST(:everyType AS text[])))
            ORDER BY d.next_attempt_at, d.id
            LIMIT 1
            FOR UPDATE OF d SKIP LOCKED
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate savepoint;
    private final JsonMapper json;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final Backoff backoff;
    private final int maxAttempts;
    private final boolean lazy;

    public DeliveryWorker(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Clock clock,
            Subscriptions subscriptions,
            Backoff backoff,
            int maxAttempts,
            boolean lazy) {
        this.jdbc = jdbc;
        this.lazy = lazy;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** Delivers the longest-due delivery nobody else holds; false when there is none. */
    public boolean deliverNext() {
        Subscriptions.Pairs pairs = subscriptions.pairs();
        if (pairs.isEmpty()) {
            return false;
        }
        Claim[] claimed = new Claim[1];
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (lazy) {
                    // The consumer's writes and the delivered mark are lost together, if at all: delivered again.
                    jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
                }
                Optional<Claim> claim = claim(pairs, clock.instant());
                claim.ifPresent(c -> {
                    claimed[0] = c;
                    attempt(c);
                });
                return claim.isPresent();
            }));
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            // The transaction itself failed (e.g. a deferred constraint of the consumer's writes at
            // commit). Count it as a failed attempt; otherwise this row would head every pass forever.
            ownTransaction.executeWithoutResult(status -> recordFailure(claimed[0], e));
            return true;
        }
    }

    private Optional<Claim> claim(Subscriptions.Pairs pairs, Instant now) {
        return jdbc.sql(CLAIM)
                .param("now", utc(now))
                .param("types", pairs.types())
                .param("consumers", pairs.consumers())
                .param("everyType", pairs.everyType())
                .query((rs, row) -> new Claim(
                        rs.getLong("id"),
                        rs.getString("consumer"),
                        rs.getInt("attempts"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("type"),
                        rs.getString("key"),
                        rs.getString("payload"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private void attempt(Claim c) {
        try {
            // A savepoint around the consumer: on failure only its writes are undone, and the row lock
            // stays ours while the failure is recorded, so no other node re-attempts in between.
            savepoint.executeWithoutResult(status -> invoke(c));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            // An Error counts too: an AssertionError or a StackOverflowError is a consumer bug to
            // retry and park; left uncounted, the delivery would fail at the head of every pass.
            recordFailure(c, e);
            return;
        }
        jdbc.sql("""
                        UPDATE outbox_delivery
                        SET status = 'DELIVERED', attempts = :attempts, delivered_at = :now, last_attempt_at = :now
                        WHERE id = :id
                        """)
                .param("attempts", c.attempts() + 1)
                .param("now", utc(clock.instant()))
                .param("id", c.id())
                .update();
    }

    private void invoke(Claim c) {
        Subscriptions.Subscription subscription = subscriptions
                .find(c.type(), c.consumer())
                .orElseThrow(() -> new IllegalStateException(
                        "no consumer '" + c.consumer() + "' for " + c.type() + " on this node"));
        EventMetadata metadata = new EventMetadata(c.eventId(), c.type(), c.key(), c.occurredAt(), c.attempts() + 1);
        try {
            subscription.deliver(json, c.payload(), metadata);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ConsumerFailed(e);
        }
    }

    private void recordFailure(Claim c, Throwable failure) {
        Throwable cause = failure instanceof ConsumerFailed ? failure.getCause() : failure;
        int attempts = c.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        Instant now = clock.instant();
        Instant next = park ? now : now.plus(backoff.delayAfter(attempts));
        // attempts = :seen guards the fallback path, where the lock was lost with the failed
        // transaction and another node may already have moved the row on.
        jdbc.sql("""
                        UPDATE outbox_delivery
                        SET status = :status, attempts = :attempts, next_attempt_at = :next,
                            last_attempt_at = :now, last_error = :error
                        WHERE id = :id AND status = 'PENDING' AND attempts = :seen
                        """)
                .param("status", park ? "PARKED" : "PENDING")
                .param("attempts", attempts)
                .param("next", utc(next))
                .param("now", utc(now))
                .param("error", describe(cause))
                .param("id", c.id())
                .param("seen", c.attempts())
                .update();
        if (park) {
            log.error(
                    "Parked delivery {} of {} {} to '{}' after {} attempts",
                    c.id(),
                    c.type(),
                    c.eventId(),
                    c.consumer(),
                    attempts,
                    cause);
        } else {
            log.warn(
                    "Delivery {} of {} {} to '{}' failed (attempt {}), retrying at {}",
                    c.id(),
                    c.type(),
                    c.eventId(),
                    c.consumer(),
                    attempts,
                    next,
                    cause);
        }
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
            if (text.length() > MAX_ERROR_LENGTH) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Claim(
            long id,
            String consumer,
            int attempts,
            UUID eventId,
            String type,
            String key,
            String payload,
            Instant occurredAt) {}

    /** Carries a consumer's checked exception through the transaction template. */
    private static final class ConsumerFailed extends RuntimeException {
        ConsumerFailed(Exception cause) {
            super(cause);
        }
    }
}
