package org.cityos.benchmarks.ingest;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The fixed-rate open model: message {@code i} is due at {@code start + i / rate} whatever happened to the
 * ones before it. One thread sends; when it falls behind it sends the overdue messages at once, and every
 * latency counts from the due time, so a slow server cannot slow the schedule and hide its own delay
 * (coordinated omission).
 */
public final class OpenLoad {
    private OpenLoad() {}

    /** Sends message {@code index}, due at {@code dueNanos} ({@link System#nanoTime()}); completes when acknowledged. */
    @FunctionalInterface
    public interface Send {
        CompletionStage<?> send(long index, long dueNanos) throws Exception;
    }

    /**
     * Sends {@code rate × duration} messages on schedule, then waits up to {@code drain} for the last
     * acknowledgements; what is still unacknowledged then counts as neither acked nor failed.
     */
    public static LoadRun run(double rate, Duration duration, Duration drain, Send send) {
        return run(rate, duration, drain, () -> false, send);
    }

    /**
     * As {@link #run(double, Duration, Duration, Send)}, but sending ends early once {@code stop} says so (asked
     * before every message): a background load that lasts as long as whatever it accompanies. Only the messages
     * sent count as offered, and the run lasted as long as it sent.
     */
    public static LoadRun run(double rate, Duration duration, Duration drain, BooleanSupplier stop, Send send) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double interval = 1e9 / rate;
        Recorder latency = new Recorder(3);
        LongAdder acked = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long sent = 0;
        while (sent < total && !stop.getAsBoolean()) {
            long i = sent++;
            long due = start + (long) (i * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                send.send(i, due).whenComplete((ok, error) -> {
                    if (error == null) {
                        latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                        acked.increment();
                    } else {
                        failed.increment();
                        firstError.compareAndSet(null, describe(error));
                    }
                });
            } catch (Exception e) {
                failed.increment();
                firstError.compareAndSet(null, describe(e));
            }
        }
        long elapsed = System.nanoTime() - start;
        double seconds = (sent < total ? elapsed : Math.max(duration.toNanos(), elapsed)) / 1e9;
        long deadline = System.nanoTime() + drain.toNanos();
        while (acked.sum() + failed.sum() < sent && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        Histogram histogram = latency.getIntervalHistogram();
        return new LoadRun(rate, seconds, sent, acked.sum(), failed.sum(), histogram, firstError.get());
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
