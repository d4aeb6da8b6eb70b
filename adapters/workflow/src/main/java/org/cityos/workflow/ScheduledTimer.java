package org.cityos.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * A timer that has not fired yet, as stored: {@code attempts} counts failed firings so far (a timer whose
 * attempts reached {@code cityos.workflow.max-attempts} is parked and waits for {@link Timers#resume}).
 */
public record ScheduledTimer(TimerKey key, Instant dueAt, Map<String, String> data, int attempts) {
    public ScheduledTimer {
        data = Map.copyOf(data);
    }
}
