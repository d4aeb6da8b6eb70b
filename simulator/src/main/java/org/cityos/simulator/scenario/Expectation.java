package org.cityos.simulator.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * What a scenario should cause: at least {@code min} of an effect, matching the filters, within a time of the
 * scenario's start — e.g. {@code expect alarms template=waterlogging min=1 within=10m}.
 */
public record Expectation(ExpectedEffect effect, Map<String, String> filters, int min, Duration within, int line) {
    public Expectation {
        filters = Map.copyOf(filters);
    }

    /** The value of a filter, or null when the line did not narrow by it. */
    public String filter(String key) {
        return filters.get(key);
    }
}
