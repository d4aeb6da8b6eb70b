package org.cityos.iot;

/** What became of an accepted message; every outcome is durable before it is reported. */
public enum IngestOutcome {
    STORED,
    DEAD_LETTERED,
    DUPLICATE
}
