package org.cityos.mqtt.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint-wide count of messages handed to the application and not yet stored. Connections that push it to
 * the maximum stop reading and wait here; all of them read again once the count falls to half.
 */
final class InFlightBudget {
    private final int max;
    private final int resumeAt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<Intake> waiting = ConcurrentHashMap.newKeySet();

    InFlightBudget(int max) {
        this.max = max;
        this.resumeAt = max / 2;
    }

    /** Counts one more message; false when the endpoint is now full and the caller must {@link #await}. */
    boolean take() {
        return inFlight.incrementAndGet() < max;
    }

    void give() {
        if (inFlight.decrementAndGet() <= resumeAt && !waiting.isEmpty()) {
            wakeAll();
        }
    }

    /**
     * Parks a paused connection. The count may have dropped between {@link #take} and here, after the last
     * {@link #give} looked for waiters: checking again keeps a connection from waiting for a wake-up that came.
     */
    void await(Intake intake) {
        waiting.add(intake);
        if (inFlight.get() <= resumeAt && waiting.remove(intake)) {
            intake.budgetAvailable();
        }
    }

    void forget(Intake intake) {
        waiting.remove(intake);
    }

    int inFlight() {
        return inFlight.get();
    }

    private void wakeAll() {
        for (Intake intake : waiting) {
            if (waiting.remove(intake)) {
                intake.budgetAvailable();
            }
        }
    }
}
