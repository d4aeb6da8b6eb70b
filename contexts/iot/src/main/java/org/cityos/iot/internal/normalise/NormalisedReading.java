package org.cityos.iot.internal.normalise;

import java.time.Instant;

/** STUB until the normalise branch merges. */
public record NormalisedReading(String property, Instant at, double number, String text, int flags) {
    public static final int OUT_OF_RANGE = 1;
    public static final int UNDECLARED = 2;
}
