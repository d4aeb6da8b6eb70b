package org.cityos.workflow;

import java.time.Instant;
import java.util.Map;

/** What a {@link TimerHandler} is given: the timer as scheduled and the moment (application clock) it fired. */
public record FiredTimer(TimerKey key, Instant dueAt, Instant firedAt, Map<String, String> data) {
    public FiredTimer {
        data = Map.copyOf(data);
    }
}
