package org.cityos.benchmarks.ingest;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * One fixed-rate run: what was offered, what the server acknowledged and how late, measured from each
 * message's intended send time (so a stalled sender or server shows up as latency, not as a lower rate).
 *
 * @param offeredRate the target rate, messages per second
 * @param seconds how long the sending lasted
 * @param offered messages the schedule called for
 * @param acked messages acknowledged (PUBACK, HTTP 2xx) before the drain deadline
 * @param failed messages that failed (connection lost, HTTP error)
 * @param latencyMicros intended send time → acknowledgement, of the acknowledged messages
 * @param firstError the first failure's description, or null
 */
public record LoadRun(
        double offeredRate,
        double seconds,
        long offered,
        long acked,
        long failed,
        Histogram latencyMicros,
        String firstError) {

    /** Acknowledged messages per second of sending. */
    public double ackedRate() {
        return seconds <= 0 ? 0 : acked / seconds;
    }

    /** Share of the offered messages that were acknowledged, 0..1. */
    public double ackedShare() {
        return offered == 0 ? 0 : (double) acked / offered;
    }

    /** Neither lost nor late: acknowledged share at least {@code minShare} and p99 within {@code p99Limit}. */
    public boolean sustained(double minShare, Duration p99Limit) {
        return offered > 0
                && ackedShare() >= minShare
                && latencyMicros.getTotalCount() > 0
                && latencyMicros.getValueAtPercentile(99) <= p99Limit.toNanos() / 1000;
    }
}
