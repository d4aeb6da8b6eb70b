package org.cityos.iot;

/** How readings are combined per interval when a series is downsampled. */
public enum TelemetryAggregation {
    NONE,
    AVG,
    MIN,
    MAX,
    SUM,
    COUNT
}
