package org.cityos.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cityos.catalog.ShareCall;
import org.cityos.catalog.persistence.CallLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the data API's call log in batches, a few times a second, instead of one committed insert per call (a
 * commit is most of a call's cost). Reading the log flushes first, so a reader on this node sees every call it
 * served; a crash loses at most one interval's entries. When the queue is full, the call writes its own entry.
 */
public final class CallLogWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallLogWriter.class);
    private static final int MAX_QUEUED = 50_000;
    private static final int BATCH = 5_000;

    private final CallLogStore store;
    private final ConcurrentLinkedQueue<ShareCall> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ScheduledExecutorService flusher;

    public CallLogWriter(CallLogStore store, long intervalMillis) {
        this.store = store;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-call-log");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    public void append(ShareCall call) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            store.append(call);
            return;
        }
        queue.add(call);
    }

    /** Writes everything queued so far. */
    public synchronized void flush() {
        List<ShareCall> batch = new ArrayList<>();
        ShareCall c;
        while ((c = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(c);
            if (batch.size() == BATCH) {
                store.appendAll(batch);
                batch.clear();
            }
        }
        store.appendAll(batch);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("call log flush failed; entries of this batch are lost", e);
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
