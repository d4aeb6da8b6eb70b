package org.cityos.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.persistence.StoredRecord;
import org.cityos.hashchain.BatchChainer;
import org.cityos.jobs.PeriodicJob;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links recorded entries into the hash chain, asynchronously and in batches, so that recording stays a plain INSERT
 * and audited writes are never throttled by the chain ({@link BatchChainer} over the audit table). It runs every
 * {@code interval} while the application runs, and once more as it stops so records written during shutdown are
 * chained; it starts before and stops after the web server.
 */
public final class HashChainer {
    private final BatchChainer<StoredRecord> chainer;
    private final PeriodicJob job;

    public HashChainer(
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock,
            Duration interval,
            int batchSize,
            Duration checkpointInterval) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        // Each batch must see what the previous lock holder committed, which REPEATABLE READ would hide.
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.chainer = new BatchChainer<>(
                new AuditTable(chain, checkpoints, signer),
                work -> transactions.execute(status -> work.get()),
                clock,
                batchSize,
                checkpointInterval);
        this.job = PeriodicJob.every("audit-chainer", interval, () -> chainer.drain(false))
                .runningOnceMoreOnStop()
                .inPhase(SmartLifecycle.DEFAULT_PHASE - 4096);
    }

    /**
     * Chains everything committed so far and signs a checkpoint if one is due, waiting for another chainer (on any
     * node) to finish first. Returns how many entries it chained.
     */
    public int chainNow() {
        return chainer.drain(true);
    }

    /** The background job that chains every interval; the configuration registers it, so it starts and stops with the application. */
    public PeriodicJob job() {
        return job;
    }

    private record AuditTable(ChainStore chain, CheckpointStore checkpoints, CheckpointSigner signer)
            implements BatchChainer.Table<StoredRecord> {
        @Override
        public boolean lock(boolean wait) {
            return chain.lockChain(wait);
        }

        @Override
        public Optional<BatchChainer.Head> head() {
            return chain.head().map(l -> new BatchChainer.Head(l.seq(), l.hash(), null));
        }

        @Override
        public List<StoredRecord> unchained(int limit) {
            return chain.unchained(limit);
        }

        @Override
        public byte[] hash(byte[] prev, long seq, StoredRecord record) {
            return ChainHash.of(prev, seq, record);
        }

        @Override
        public StoredRecord chained(StoredRecord record, long seq, byte[] prev, byte[] hash) {
            return record.chained(seq, prev, hash);
        }

        @Override
        public void apply(List<StoredRecord> linked) {
            chain.applyChain(linked);
        }

        @Override
        public Optional<BatchChainer.Head> latestCheckpoint() {
            return checkpoints.latest().map(c -> new BatchChainer.Head(c.chainSeq(), c.hash(), c.signedAt()));
        }

        @Override
        public void checkpoint(long seq, byte[] hash, Instant signedAt) {
            checkpoints.insert(signer.sign(seq, hash, signedAt));
        }
    }
}
