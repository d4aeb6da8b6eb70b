package org.cityos.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cityos.workflow.internal.TimerFiring;
import org.cityos.workflow.internal.TimerRunner;
import org.cityos.workflow.internal.TimerStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable timers: scheduled in the caller's transaction, fired once by whichever node claims them first, in the
 * same transaction as the {@link TimerHandler}'s own writes. Survives restarts because the table is the only state.
 */
public class Timers {
    private final TimerStore store;
    private final TimerFiring firing;
    private final TimerRunner runner;
    private final Clock clock;

    public Timers(TimerStore store, TimerFiring firing, TimerRunner runner, Clock clock) {
        this.store = store;
        this.firing = firing;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Schedules the timer, or replaces the due time and data of the one with the same key (its failed attempts and
     * parking are forgotten). Joins the caller's transaction: a rolled-back caller schedules nothing.
     */
    public void schedule(TimerKey key, Instant dueAt, Map<String, String> data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        store.upsert(key, dueAt, data == null ? Map.of() : Map.copyOf(data));
        wakeAfterCommit(dueAt);
    }

    /** Cancels the timer if it has not fired; joins the caller's transaction. Cancelling an absent key is a no-op. */
    public void cancel(TimerKey key) {
        Objects.requireNonNull(key, "key");
        store.delete(key);
    }

    /** Cancels every timer of the subject within one kind (a closed case's deadlines); returns how many. */
    public int cancelAll(String kind, String subject) {
        return store.deleteAll(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(subject, "subject"));
    }

    /** The subject's timers of that kind that have not fired, parked ones included, soonest first. */
    public List<ScheduledTimer> pending(String kind, String subject) {
        return store.list(kind, subject);
    }

    /**
     * Fires every timer due by the clock's now on the calling thread, in transactions of its own; returns how many
     * fired. The runner threads do the same continuously; tests and recovery tools call this.
     */
    public int fireDue() {
        int fired = 0;
        TimerFiring.Pass pass;
        do {
            pass = firing.fireBatch();
            fired += pass.fired();
        } while (pass.claimed() > 0);
        return fired;
    }

    /** Makes a parked timer due now with fresh attempts (after its handler was fixed); false if it is not parked. */
    public boolean resume(TimerKey key) {
        Instant now = clock.instant();
        boolean resumed = store.resume(Objects.requireNonNull(key, "key"), now);
        if (resumed) {
            wakeAfterCommit(now);
        }
        return resumed;
    }

    private void wakeAfterCommit(Instant dueAt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            runner.dueAt(dueAt);
            return;
        }
        // One synchronization per transaction, however many timers it schedules; it wakes for the earliest.
        // Looked up among the current synchronizations (not bound as a resource), which Spring suspends with
        // their transaction, so a REQUIRES_NEW inside never adds to its caller's.
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof EarliestDue earliest && earliest.owner() == this) {
                if (dueAt.isBefore(earliest.dueAt)) {
                    earliest.dueAt = dueAt;
                }
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new EarliestDue(dueAt));
    }

    private final class EarliestDue implements TransactionSynchronization {
        private Instant dueAt;

        private EarliestDue(Instant dueAt) {
            this.dueAt = dueAt;
        }

        @Override
        public void afterCommit() {
            runner.dueAt(dueAt);
        }

        private Timers owner() {
            return Timers.this;
        }
    }
}
