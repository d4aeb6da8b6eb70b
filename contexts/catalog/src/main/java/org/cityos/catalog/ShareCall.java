package org.cityos.catalog;

import java.time.Instant;

/** One call of the data API as logged: its HTTP status, rows returned, time taken, and why it was refused. */
public record ShareCall(
        String grantId, String keyPrefix, Instant at, int rows, int status, long latencyMicros, String reason) {}
