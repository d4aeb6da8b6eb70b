package org.cityos.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * N threads, each issuing its next operation as soon as the previous one returns (a closed loop),
 * until the time is up or the operation budget is spent, whichever comes first. Latencies go into
 * HdrHistograms (microseconds); a failed operation is counted, never retried, never in the histogram.
 */
public final class ClosedLoop {
    /** How long past the deadline a stuck operation may take before the loop gives up on it. */
    static final Duration GRACE = Duration.ofSeconds(45);

    /** One operation; throwing means it failed. */
    @FunctionalInterface
    public interface Operation {
        void call(int thread, long seq) throws Exception;
    }

    private ClosedLoop() {}

    public static LoadResult run(int threads, Duration duration, long maxOps, Operation op) {
        if (threads < 1 || maxOps < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("need threads >= 1, maxOps >= 1 and a positive duration");
        }
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            Histogram h = new Histogram(3);
            histograms.add(h);
            int thread = t;
            Thread worker = new Thread(
                    () -> {
                        awaitQuietly(go);
                        while (System.nanoTime() < deadline[0]) {
                            long seq = issued.incrementAndGet();
                            if (seq > maxOps) {
                                return;
                            }
                            long start = System.nanoTime();
                            try {
                                op.call(thread, seq);
                                h.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, describe(e));
                            }
                        }
                    },
                    "load-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long begin = System.nanoTime();
        deadline[0] = begin + duration.toNanos();
        go.countDown();
        long giveUp = deadline[0] + GRACE.toNanos();
        for (Thread worker : workers) {
            joinUntil(worker, giveUp);
        }
        long end = System.nanoTime();
        if (workers.stream().anyMatch(Thread::isAlive)) {
            workers.forEach(Thread::interrupt);
            throw new IllegalStateException("an operation was still running " + GRACE.toSeconds()
                    + " s after the deadline; first error: " + firstError.get());
        }
        Histogram all = new Histogram(3);
        histograms.forEach(all::add);
        return new LoadResult(all.getTotalCount(), errors.get(), firstError.get(), (end - begin) / 1e9, all);
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUntil(Thread worker, long nanoDeadline) {
        long wait = nanoDeadline - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            worker.join(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
