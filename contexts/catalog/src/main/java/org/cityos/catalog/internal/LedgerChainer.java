package org.cityos.catalog.internal;

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
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.hashchain.ChainSigner;
import org.cityos.hashchain.Checkpoint;
import org.cityos.hashchain.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links appended ledger rows into the chain in the background, in batches, and signs a checkpoint when one is
 * due, as the audit chainer does (ADR 0004): writers only INSERT, one chainer across all nodes (an advisory
 * lock) decides the order, so concurrent writers leave no holes.
 */
public final class LedgerChainer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LedgerChainer.class);

    private final LedgerStore ledger;
    private final ChainSigner signer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final int batchSize;
    private final Duration checkpointInterval;
    private ScheduledExecutorService scheduler;

    public LedgerChainer(
            LedgerStore ledger,
            ChainSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Duration interval,
            int batchSize,
            Duration checkpointInterval) {
        this.ledger = ledger;
        this.signer = signer;
        this.transactions = new TransactionTemplate(transactionManager);
        // Each run must see what the previous lock holder committed, which REPEATABLE READ would hide.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.interval = interval;
        this.batchSize = batchSize;
        this.checkpointInterval = checkpointInterval;
    }

    /** Chains everything committed so far, waiting for another chainer to finish first; returns how many. */
    public int chainNow() {
        return drain(true);
    }

    private int drain(boolean wait) {
        int total = 0;
        while (true) {
            Integer chained = transactions.execute(status -> chainBatch(wait));
            if (chained == null || chained < 0) {
                return total;
            }
            total += chained;
            if (chained < batchSize) {
                return total;
            }
        }
    }

    private int chainBatch(boolean wait) {
        if (!ledger.lockChain(wait)) {
            return -1;
        }
        Optional<Checkpoint> head = ledger.head();
        long seq = head.map(Checkpoint::seq).orElse(0L);
        byte[] prev = head.map(Checkpoint::hash).orElse(Sha256.GENESIS);
        List<LedgerEntry> pending = ledger.unchained(batchSize);
        List<LedgerEntry> linked = new ArrayList<>(pending.size());
        for (LedgerEntry entry : pending) {
            seq++;
            byte[] hash = LedgerEncoding.link(prev, seq, entry);
            linked.add(entry.chained(seq, prev, hash));
            prev = hash;
        }
        if (!linked.isEmpty()) {
            ledger.applyChain(linked);
        }
        if (seq > 0) {
            checkpointIfDue(seq, prev);
        }
        return linked.size();
    }

    // Runs even when nothing new was chained, so the tail before a quiet spell is signed within one interval.
    private void checkpointIfDue(long headSeq, byte[] headHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Checkpoint> latest = ledger.latestCheckpoint();
        if (latest.isPresent()
                && (latest.get().seq() >= headSeq
                        || now.isBefore(latest.get().signedAt().plus(checkpointInterval)))) {
            return;
        }
        ledger.insertCheckpoint(signer.sign(headSeq, headHash, now));
    }

    private void tick() {
        try {
            drain(false);
        } catch (RuntimeException e) {
            log.warn("Catalogue ledger chaining failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "catalog-ledger-chainer");
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
        tick();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
