package org.cityos.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What a closed loop achieved: successful operations, failures and their latencies in microseconds.
 *
 * @param ok operations that succeeded
 * @param errors operations that failed (not in the histogram)
 * @param firstError the first failure's message, or null
 * @param seconds wall-clock time the loop ran
 * @param latencyMicros latency of each successful operation
 */
public record LoadResult(long ok, long errors, String firstError, double seconds, Histogram latencyMicros) {

    public static LoadResult empty() {
        return new LoadResult(0, 0, null, 0, new Histogram(3));
    }

    /** Successful operations per second. */
    public double perSecond() {
        return seconds <= 0 ? Double.NaN : ok / seconds;
    }

    /** Both runs as one: counts and time added, histograms merged (for alternating slices). */
    public LoadResult plus(LoadResult other) {
        Histogram merged = latencyMicros.copy();
        merged.add(other.latencyMicros);
        return new LoadResult(
                ok + other.ok,
                errors + other.errors,
                firstError != null ? firstError : other.firstError,
                seconds + other.seconds,
                merged);
    }

    /** "errors: 3 (HTTP 500 …)" or empty when there were none. */
    public String errorNote() {
        return errors == 0 ? "" : "; errors: " + errors + " (" + firstError + ")";
    }
}
