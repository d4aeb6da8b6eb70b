package org.cityos.iot.internal.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.IngestOverloaded;
import org.cityos.iot.IngestUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default inbound log: a bounded queue drained by writer threads, each storing what has gathered as one
 * batch (group commit — the busier ingest is, the larger and cheaper the batches). A full queue refuses at
 * once instead of growing; a failed batch fails its messages, which the edges then do not acknowledge.
 */
public final class IngestQueue implements InboundLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    /** A message waiting for a writer, with the {@link System#nanoTime} it was queued at. */
    private record Pending(InboundMessage message, CompletableFuture<IngestOutcome> done, long queuedAt) {}

    private final BlockingQueue<Pending> queue;
    private final Store store;
    private final IngestMetrics metrics;
    private final int maxBatch;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    /** Stores a batch durably and tells each message's outcome; throws if nothing was stored. */
    @FunctionalInterface
    public interface Store {
        List<IngestOutcome> store(List<InboundMessage> batch);
    }

    public IngestQueue(Store store, IngestMetrics metrics, int capacity, int maxBatch, int writerCount) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.store = store;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerCount; i++) {
            Thread t = new Thread(this::write, "cityos-ingest-writer-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    @Override
    public CompletableFuture<IngestOutcome> append(InboundMessage message) {
        CompletableFuture<IngestOutcome> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(message, done, System.nanoTime()))) {
            metrics.refused(message.channel().name(), "overload");
            done.completeExceptionally(new IngestOverloaded());
        }
        return done;
    }

    @Override
    public int backlog() {
        return queue.size();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        List<InboundMessage> messages = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                for (Pending p : batch) {
                    messages.add(p.message());
                }
                long start = System.nanoTime();
                // The batch's first message waited longest: that is the queue's share of its latency.
                metrics.waited(Duration.ofNanos(start - first.queuedAt()));
                List<IngestOutcome> outcomes = store.store(messages);
                metrics.batch(batch.size(), Duration.ofNanos(System.nanoTime() - start));
                for (int i = 0; i < batch.size(); i++) {
                    metrics.outcome(messages.get(i).channel(), outcomes.get(i));
                    batch.get(i).done().complete(outcomes.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Telemetry batch of {} failed; not acknowledged: {}", batch.size(), e.getMessage());
                IngestUnavailable failure = new IngestUnavailable(e);
                batch.forEach(p -> p.done().completeExceptionally(failure));
            } finally {
                batch.clear();
                messages.clear();
            }
        }
    }

    /** Stops taking messages, stores what is queued, then stops the writers. */
    @Override
    public void close() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
