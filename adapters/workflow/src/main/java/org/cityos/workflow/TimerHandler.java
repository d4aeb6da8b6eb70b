package org.cityos.workflow;

/**
 * Reacts to the timers of one kind; a Spring bean, one per kind. {@link #fire} runs inside the transaction that
 * deletes the timer: its database writes and the deletion commit together, so they happen exactly once even with
 * many nodes. Effects outside the database (a mail, an HTTP call) get no such promise and belong in an outbox event.
 * Throwing rolls back the handler's writes and retries the timer later with back-off.
 */
public interface TimerHandler {
    /** The {@link TimerKey#kind()} this handler fires. */
    String kind();

    void fire(FiredTimer timer) throws Exception;
}
