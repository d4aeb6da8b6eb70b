package org.cityos.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.hashchain.BatchChainer;
import org.cityos.hashchain.ChainSigner;
import org.cityos.jobs.PeriodicJob;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links appended ledger rows into the chain in the background, in batches, and signs a checkpoint when one is due
 * — the audit chain's {@link BatchChainer} over the ledger table (ADR 0004, 0016). It runs every {@code interval}
 * while the application runs and once more as it stops.
 */
public final class LedgerChainer {
    private final BatchChainer<LedgerEntry> chainer;
    private final PeriodicJob job;

    public LedgerChainer(
            LedgerStore ledger,
            ChainSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Duration interval,
            int batchSize,
            Duration checkpointInterval) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        // Each batch must see what the previous lock holder committed, which REPEATABLE READ would hide.
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.chainer = new BatchChainer<>(
                new LedgerTable(ledger, signer),
                work -> transactions.execute(status -> work.get()),
                clock,
                batchSize,
                checkpointInterval);
        this.job = PeriodicJob.every("catalog-ledger-chainer", interval, () -> chainer.drain(false))
                .runningOnceMoreOnStop()
                .inPhase(SmartLifecycle.DEFAULT_PHASE - 4096);
    }

    /** Chains everything committed so far, waiting for another chainer to finish first; returns how many. */
    public int chainNow() {
        return chainer.drain(true);
    }

    /** The background job that chains every interval; the configuration registers it, so it starts and stops with the application. */
    public PeriodicJob job() {
        return job;
    }

    private record LedgerTable(LedgerStore ledger, ChainSigner signer) implements BatchChainer.Table<LedgerEntry> {
        @Override
        public boolean lock(boolean wait) {
            return ledger.lockChain(wait);
        }

        @Override
        public Optional<BatchChainer.Head> head() {
            return ledger.head().map(c -> new BatchChainer.Head(c.seq(), c.hash(), null));
        }

        @Override
        public List<LedgerEntry> unchained(int limit) {
            return ledger.unchained(limit);
        }

        @Override
        public byte[] hash(byte[] prev, long seq, LedgerEntry entry) {
            return LedgerEncoding.link(prev, seq, entry);
        }

        @Override
        public LedgerEntry chained(LedgerEntry entry, long seq, byte[] prev, byte[] hash) {
            return entry.chained(seq, prev, hash);
        }

        @Override
        public void apply(List<LedgerEntry> linked) {
            ledger.applyChain(linked);
        }

        @Override
        public Optional<BatchChainer.Head> latestCheckpoint() {
            return ledger.latestCheckpoint().map(c -> new BatchChainer.Head(c.seq(), c.hash(), c.signedAt()));
        }

        @Override
        public void checkpoint(long seq, byte[] hash, Instant signedAt) {
            ledger.insertCheckpoint(signer.sign(seq, hash, signedAt));
        }
    }
}
