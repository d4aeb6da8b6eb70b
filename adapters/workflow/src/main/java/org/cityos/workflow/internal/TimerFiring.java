package org.cityos.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cityos.workflow.FiredTimer;
import org.cityos.workflow.TimerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires one batch of due timers per call, in a transaction of its own: claim with SKIP LOCKED, run each handler in
 * a savepoint, delete each fired timer. A handler's writes and its timer's deletion commit together or not at all;
 * a failing handler loses only its own writes, and its timer's failure is counted while the row is still locked,
 * so no other node fires it in between.
 */
public final class TimerFiring {
    private static final Logger log = LoggerFactory.getLogger(TimerFiring.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final TimerStore store;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate savepoint;
    private final Supplier<Map<String, TimerHandler>> handlers;
    private final Clock clock;
    private final Backoff backoff;
    private final int maxAttempts;
    private final int batch;
    private final TimerMetrics metrics;

    public TimerFiring(
            TimerStore store,
            PlatformTransactionManager transactions,
            Supplier<Map<String, TimerHandler>> handlers,
            Clock clock,
            Backoff backoff,
            int maxAttempts,
            int batch,
            TimerMetrics metrics) {
        this.store = store;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Firing never joins a caller's transaction, even when fireDue() is called inside one.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.handlers = handlers;
        this.clock = clock;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.batch = batch;
        this.metrics = metrics;
    }

    /** How one batch went: timers claimed, and of those, fired (handler succeeded, timer deleted). */
    public record Pass(int claimed, int fired) {
        /** A full batch suggests more are due right now. */
        public boolean full(int batchSize) {
            return claimed >= batchSize;
        }
    }

    public int batchSize() {
        return batch;
    }

    /** Claims and fires up to one batch of timers due now. */
    public Pass fireBatch() {
        List<TimerStore.Claimed> claimed = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            ownTransaction.executeWithoutResult(status -> {
                claimed.addAll(store.claim(clock.instant(), batch));
                for (TimerStore.Claimed timer : claimed) {
                    outcomes.add(fireClaimed(timer));
                }
            });
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e;
            }
            // The batch's commit failed (e.g. a deferred constraint of one handler's writes): everything rolled
            // back. Fire each timer alone, so that one timer's failure costs only itself an attempt.
            log.warn("A batch of {} timers failed to commit; firing them one by one", claimed.size(), e);
            outcomes.clear();
            for (TimerStore.Claimed timer : claimed) {
                outcomes.add(fireAlone(timer));
            }
        }
        // Metrics only after commit: a rolled-back batch fired nothing.
        int fired = 0;
        for (Outcome outcome : outcomes) {
            fired += outcome.record(metrics);
        }
        return new Pass(claimed.size(), fired);
    }

    private Outcome fireAlone(TimerStore.Claimed timer) {
        try {
            Outcome outcome = ownTransaction.execute(
                    status -> store.claimAgain(timer).map(this::fireClaimed).orElse(Outcome.NONE));
            return outcome == null ? Outcome.NONE : outcome;
        } catch (RuntimeException e) {
            // Its own commit failed too: count the attempt in a new transaction, guarded by revision and attempts.
            return ownTransaction.execute(status -> recordFailure(timer, e));
        }
    }

    private Outcome fireClaimed(TimerStore.Claimed timer) {
        TimerHandler handler = handlers.get().get(timer.key().kind());
        if (handler == null) {
            String reason = "no TimerHandler for kind '" + timer.key().kind() + "' on this node";
            store.failed(timer, timer.attempts() + 1, clock.instant(), true, reason);
            log.error("Parked timer {}: {}", timer.key(), reason);
            return new Outcome(timer.key().kind(), Kind.PARKED, Duration.ZERO);
        }
        Instant firedAt = clock.instant();
        try {
            // A savepoint around the handler: on failure only its writes are undone and the row stays locked.
            savepoint.executeWithoutResult(status -> invoke(handler, timer, firedAt));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw e;
            }
            // An Error counts too: an AssertionError is a handler bug to retry and park, not a reason to stop.
            return recordFailure(timer, e);
        }
        store.deleteFired(timer);
        return new Outcome(timer.key().kind(), Kind.FIRED, Duration.between(timer.dueAt(), firedAt));
    }

    private static void invoke(TimerHandler handler, TimerStore.Claimed timer, Instant firedAt) {
        try {
            handler.fire(new FiredTimer(timer.key(), timer.dueAt(), firedAt, timer.data()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailed(e);
        }
    }

    private Outcome recordFailure(TimerStore.Claimed timer, Throwable failure) {
        Throwable cause = failure instanceof HandlerFailed ? failure.getCause() : failure;
        int attempts = timer.attempts() + 1;
        boolean park = attempts >= maxAttempts;
        Instant now = clock.instant();
        Instant next = park ? now : now.plus(backoff.delayAfter(attempts));
        store.failed(timer, attempts, next, park, describe(cause));
        if (park) {
            log.error("Parked timer {} after {} failed attempts", timer.key(), attempts, cause);
            return new Outcome(timer.key().kind(), Kind.PARKED, Duration.ZERO);
        }
        log.warn("Timer {} failed (attempt {}), retrying at {}", timer.key(), attempts, next, cause);
        return Outcome.NONE;
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

    private enum Kind {
        FIRED,
        PARKED,
        RETRYING
    }

    private record Outcome(String timerKind, Kind kind, Duration lag) {
        static final Outcome NONE = new Outcome("", Kind.RETRYING, Duration.ZERO);

        /** Records the outcome's metrics; returns 1 when a timer fired. */
        int record(TimerMetrics metrics) {
            switch (kind) {
                case FIRED -> metrics.fired(timerKind, lag);
                case PARKED -> metrics.parked(timerKind);
                case RETRYING -> {}
            }
            return kind == Kind.FIRED ? 1 : 0;
        }
    }

    /** Carries a handler's checked exception through the transaction template. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }
    }
}
