package org.cityos.workflow;

import java.time.Instant;
import java.util.Map;

/** PLACEHOLDER until the workflow branch lands. */
public class Timers {
    public void schedule(TimerKey key, Instant dueAt, Map<String, String> data) {}

    public void cancel(TimerKey key) {}

    public int cancelAll(String kind, String subject) {
        return 0;
    }

    public int fireDue() {
        return 0;
    }
}
