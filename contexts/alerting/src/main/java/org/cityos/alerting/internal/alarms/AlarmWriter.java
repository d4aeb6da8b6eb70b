package org.cityos.alerting.internal.alarms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.internal.engine.Finding;
import org.cityos.alerting.internal.engine.FindingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes findings off the ingest threads and writes them on its own thread, so that a storm of alarms slows the
 * alarm store, never ingestion. A finding that cannot be written is retried once and then logged and counted.
 */
public final class AlarmWriter implements FindingSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlarmWriter.class);
    private static final Finding STOP = new Finding(null, null, 0, null, null, null, null, null, null, null);

    private final BlockingQueue<Finding> queue = new LinkedBlockingQueue<>(100_000);
    private final AlarmBook book;
    private final BiConsumer<RuleId, String> failures;
    private final Counter written;
    private final Counter lost;
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();

    public AlarmWriter(AlarmBook book, BiConsumer<RuleId, String> failures, MeterRegistry meters) {
        this.book = book;
        this.failures = failures;
        this.written = meters.counter("cityos.alerting.findings.written");
        this.lost = meters.counter("cityos.alerting.findings.lost");
        meters.gauge("cityos.alerting.findings.queued", queue, BlockingQueue::size);
        this.thread = new Thread(this::run, "alarm-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void accept(Finding finding) {
        accepted.incrementAndGet();
        if (!queue.offer(finding)) {
            handled.incrementAndGet();
            lost.increment();
            log.warn("alarm queue full; finding for rule {} subject {} dropped", finding.rule(), finding.subject());
        }
    }

    @Override
    public void ruleFailed(RuleId rule, String reason) {
        failures.accept(rule, reason);
    }

    /** Waits until every finding accepted so far is written (tests, shutdown), at most ten seconds. */
    public void drain() {
        long target = accepted.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        List<Finding> batch = new ArrayList<>();
        while (true) {
            try {
                Finding first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, 999);
                for (Finding f : batch) {
                    if (f == STOP) {
                        return;
                    }
                    write(f);
                    handled.incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(Finding f) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                book.apply(f);
                written.increment();
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    lost.increment();
                    log.error("finding for rule {} subject {} not written", f.rule(), f.subject(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        drain();
        queue.offer(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
