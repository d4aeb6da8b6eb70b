package org.cityos.benchmarks.ingest;

/**
 * Epoch microseconds that advance with {@link System#nanoTime()}: the send time a payload carries and the
 * receive time it is compared with come from the same monotonic source, so end-to-end latency in one
 * JVM never goes negative when the wall clock is adjusted.
 */
final class MicroClock {
    private static final long ORIGIN_NANOS = System.nanoTime();
    private static final long ORIGIN_MICROS = System.currentTimeMillis() * 1000;

    private MicroClock() {}

    static long nowMicros() {
        return at(System.nanoTime());
    }

    /** The epoch microseconds of a {@link System#nanoTime()} reading. */
    static long at(long nanoTime) {
        return ORIGIN_MICROS + (nanoTime - ORIGIN_NANOS) / 1000;
    }
}
