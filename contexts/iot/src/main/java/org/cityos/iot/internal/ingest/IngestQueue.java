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
 *
 * <p>Its {@link Stages} may do part of the work on the receiving thread: prepare a message before it is queued
 * (decode it), and look at it once queued (the rule engine, so that an alarm need not wait for the queue and the
 * batch's commit); the writer then stores the prepared form.
 *
 * @param <P> what a message is prepared into
 */
public final class IngestQueue<P> implements InboundLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

    /** A message waiting for a writer, as prepared, with the {@link System#nanoTime} it was queued at. */
    private record Pending<P>(
            InboundMessage message, P prepared, CompletableFuture<IngestOutcome> done, long queuedAt) {}

    private final BlockingQueue<Pending<P>> queue;
    private final Stages<P> stages;
    private final IngestMetrics metrics;
    private final int maxBatch;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    /** Stores a batch durably and tells each message's outcome; throws if nothing was stored. */
    @FunctionalInterface
    public interface Store {
        List<IngestOutcome> store(List<InboundMessage> batch);
    }

    /** A store that prepares each message on the thread that received it, and may look at it once it is queued. */
    public interface Stages<P> {
        /** Runs on the receiving thread before the message is queued; must not throw. */
        P prepare(InboundMessage message);

        /** Runs on the receiving thread once the prepared message is queued (not for a refused one). */
        void queued(P prepared);

        /** Stores a batch durably from its prepared forms; throws if nothing was stored. */
        List<IngestOutcome> store(List<InboundMessage> batch, List<P> prepared);
    }

    /** A queue whose writers store the messages as they came. */
    public static IngestQueue<Void> plain(
            Store store, IngestMetrics metrics, int capacity, int maxBatch, int writerCount) {
        return new IngestQueue<>(
                new Stages<Void>() {
                    @Override
                    public Void prepare(InboundMessage message) {
                        return null;
                    }

                    @Override
                    public void queued(Void prepared) {}

                    @Override
                    public List<IngestOutcome> store(List<InboundMessage> batch, List<Void> prepared) {
                        return store.store(batch);
                    }
                },
                metrics,
                capacity,
                maxBatch,
                writerCount);
    }

    public IngestQueue(Stages<P> stages, IngestMetrics metrics, int capacity, int maxBatch, int writerCount) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.stages = stages;
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
        if (!running || queue.remainingCapacity() == 0) {
            return refused(message, done);
        }
        P prepared;
        try {
            prepared = stages.prepare(message);
        } catch (RuntimeException e) {
            // A fault in preparing fails this message alone (unacknowledged, so it comes again), as a failed batch
            // would.
            log.warn("Message not prepared; not acknowledged: {}", e.toString());
            done.completeExceptionally(new IngestUnavailable(e));
            return done;
        }
        if (!queue.offer(new Pending<>(message, prepared, done, System.nanoTime()))) {
            return refused(message, done);
        }
        stages.queued(prepared);
        return done;
    }

    private CompletableFuture<IngestOutcome> refused(InboundMessage message, CompletableFuture<IngestOutcome> done) {
        metrics.refused(message.channel().name(), "overload");
        done.completeExceptionally(new IngestOverloaded());
        return done;
    }

    @Override
    public int backlog() {
        return queue.size();
    }

    private void write() {
        List<Pending<P>> batch = new ArrayList<>(maxBatch);
        List<InboundMessage> messages = new ArrayList<>(maxBatch);
        List<P> prepared = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<P> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                for (Pending<P> p : batch) {
                    messages.add(p.message());
                    prepared.add(p.prepared());
                }
                long start = System.nanoTime();
                // The batch's first message waited longest: that is the queue's share of its latency.
                metrics.waited(Duration.ofNanos(start - first.queuedAt()));
                List<IngestOutcome> outcomes = stages.store(messages, prepared);
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
                prepared.clear();
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
