package org.cityos.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.audit.persistence.ChainLink;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.audit.persistence.StoredRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links recorded entries into the hash chain, asynchronously and in batches, so that recording stays
 * a plain INSERT and audited writes are never throttled by the chain. Across all nodes exactly one
 * chainer works at a time (a transaction-scoped advisory lock), so the chain has one order, the
 * chainer's: an entry that commits late simply gets the next position, and concurrency leaves no holes.
 */
public final class HashChainer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HashChainer.class);

    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Duration checkpointInterval;
    private ScheduledExecutorService scheduler;

    public HashChainer(
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Duration interval,
            int batchSize,
            Duration checkpointInterval) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.transactions = new TransactionTemplate(transactionManager);
        // Each statement must see what the previous lock holder committed, which REPEATABLE READ would hide.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.checkpointInterval = checkpointInterval;
    }

    /**
     * Chains everything committed so far and signs a checkpoint if one is due, waiting for another
     * chainer (on any node) to finish first. Returns how many entries it chained.
     */
    public int chainNow() {
        return drain(true);
    }

    private int drain(boolean wait) {
        int total = 0;
        while (true) {
            Integer chained = transactions.execute(status -> chainBatch(wait));
            if (chained == null || chained < 0) {
                return total; // another node is the chainer right now
            }
            total += chained;
            if (chained < batchSize) {
                return total;
            }
        }
    }

    /** One transaction: lock, extend the chain by up to one batch, checkpoint if due. -1 when locked out. */
    private int chainBatch(boolean wait) {
        if (!chain.lockChain(wait)) {
            return -1;
        }
        Optional<ChainLink> head = chain.head();
        long seq = head.map(ChainLink::seq).orElse(0L);
        byte[] prev = head.map(ChainLink::hash).orElse(ChainHash.GENESIS);
        List<StoredRecord> pending = chain.unchained(batchSize);
        List<StoredRecord> linked = new ArrayList<>(pending.size());
        for (StoredRecord record : pending) {
            seq++;
            byte[] hash = ChainHash.of(prev, seq, record);
            linked.add(record.chained(seq, prev, hash));
            prev = hash;
        }
        if (!linked.isEmpty()) {
            chain.applyChain(linked);
        }
        if (seq > 0) {
            checkpointIfDue(seq, prev);
        }
        return linked.size();
    }

    /**
     * Runs even when nothing new was chained, so the last entries before a quiet spell are still
     * signed within one checkpoint interval instead of waiting for the next burst of activity.
     */
    private void checkpointIfDue(long headSeq, byte[] headHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<StoredCheckpoint> latest = checkpoints.latest();
        if (latest.isPresent()) {
            if (latest.get().chainSeq() >= headSeq) {
                return;
            }
            if (now.isBefore(latest.get().signedAt().plus(checkpointInterval))) {
                return;
            }
        }
        checkpoints.insert(signer.sign(headSeq, headHash, now));
    }

    private void tick() {
        try {
            drain(false);
        } catch (RuntimeException e) {
            // Never let one failure (database restart, say) end the schedule; the next tick retries.
            log.warn("Audit chaining failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-chainer");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        // Entries written during shutdown would otherwise wait for the next start (or another node).
        tick();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Starts before and stops after the web server, so requests served during shutdown still get chained. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
