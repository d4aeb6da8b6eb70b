package org.cityos.alerting.internal.expr;

import java.util.Set;

/** A compiled rule condition; immutable and safe to share between threads, each with its own {@link Facts}. */
public interface Condition {
    /**
     * True only when the condition definitely holds. A missing value makes what touches it unknown, and an unknown
     * result does not hold: {@code !smokeAlarm} on a device that never reported smokeAlarm is false.
     *
     * @throws ConditionFailed when evaluation fails in a way no unknown absorbs; nothing else is thrown
     */
    boolean test(Facts facts);

    String source();

    /** The variables the condition reads (for the engine's index: which properties can trigger a rule). */
    Set<String> reads();

    /** A comparison the condition needs to hold (see {@link Guard}), or null when it has none that is known. */
    default Guard guard() {
        return null;
    }

    /** False when the condition runs on cel-java's runtime fallback. */
    boolean compiled();
}
