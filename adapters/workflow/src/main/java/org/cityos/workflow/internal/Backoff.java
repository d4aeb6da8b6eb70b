package org.cityos.workflow.internal;

import java.time.Duration;
import java.util.Objects;

/** Exponential back-off: {@code base} after the first failure, doubling, never more than {@code max}. */
public record Backoff(Duration base, Duration max) {
    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < base <= max, got " + base + " and " + max);
        }
    }

    /** The wait before the next attempt, once {@code failedAttempts} (1 or more) attempts have failed. */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = base;
        // Doubling step by step (not base * 2^n) cannot overflow, however many attempts are allowed.
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
