package org.cityos.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.cityos.audit.ChainVerification;
import org.cityos.audit.ChainVerification.Reason;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.audit.persistence.StoredRecord;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain in order and reports the first break. Records are checked for continuity
 * (no missing position), linkage (each names its predecessor's hash) and content (its fields still
 * produce its hash). That catches an edit in place but not an attacker who recomputes every later
 * hash; the signed checkpoints catch that, because a recomputed chain no longer ends in the hash a
 * checkpoint signed, and without the private key no new checkpoint can be signed.
 */
public final class ChainVerifier {
    private static final int RECORD_PAGE = 5_000;
    private static final int CHECKPOINT_PAGE = 1_000;

    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public ChainVerifier(
            ChainStore chain,
            CheckpointStore checkpoints,
            CheckpointSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.clock = clock;
        // One snapshot for the whole walk, so the chainer appending meanwhile cannot confuse it.
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public ChainVerification verify() {
        return snapshot.execute(status -> walk());
    }

    private ChainVerification walk() {
        Walk walk = new Walk(clock.instant(), chain.countUnchained());
        // Start below 1: a row or checkpoint moved to position 0 or below is itself a finding.
        SeqPages<StoredCheckpoint> signed = new SeqPages<>(
                Long.MIN_VALUE,
                CHECKPOINT_PAGE,
                from -> checkpoints.from(from, CHECKPOINT_PAGE),
                StoredCheckpoint::chainSeq);
        SeqPages<StoredRecord> records = new SeqPages<>(
                Long.MIN_VALUE, RECORD_PAGE, from -> chain.chainedFrom(from, RECORD_PAGE), StoredRecord::chainSeq);
        StoredCheckpoint checkpoint = signed.nextOrNull();
        byte[] prev = ChainHash.GENESIS;
        long expected = 1;
        while (records.hasNext()) {
            StoredRecord r = records.next();
            long seq = r.chainSeq();
            if (seq != expected) {
                long suspectTo = seq > expected ? seq - 1 : expected;
                return walk.broken(expected, r.id(), Reason.SEQUENCE_GAP, expected, suspectTo);
            }
            if (!Arrays.equals(r.prevHash(), prev)) {
                return walk.broken(seq, r.id(), Reason.LINK_BROKEN, seq, seq);
            }
            if (!Arrays.equals(ChainHash.of(prev, seq, r), r.hash())) {
                return walk.broken(seq, r.id(), Reason.RECORD_ALTERED, seq, seq);
            }
            walk.records++;
            // A checkpoint below this position names a record the walk never met, so it attests nothing.
            while (checkpoint != null && checkpoint.chainSeq() <= seq) {
                byte[] stored = checkpoint.chainSeq() == seq ? r.hash() : null;
                ChainVerification problem = walk.check(checkpoint, stored, r.id());
                if (problem != null) {
                    return problem;
                }
                checkpoint = signed.nextOrNull();
            }
            prev = r.hash();
            expected = seq + 1;
        }
        if (checkpoint != null) {
            // A genuine checkpoint beyond the last record proves records were cut off the end.
            ChainVerification problem = walk.check(checkpoint, null, null);
            return problem.reason() == Reason.CHECKPOINT_SIGNATURE_INVALID
                    ? problem
                    : walk.broken(expected, null, Reason.SEQUENCE_GAP, expected, checkpoint.chainSeq());
        }
        return walk.intact();
    }

    /** The walk's running totals and the verdicts it can reach. */
    private final class Walk {
        private final Instant startedAt;
        private final long unchained;
        private long records;
        private long checkpointsChecked;
        private long lastGoodCheckpoint;

        Walk(Instant startedAt, long unchained) {
            this.startedAt = startedAt;
            this.unchained = unchained;
        }

        /** Null when the checkpoint is genuine and matches {@code storedHash}; the verdict otherwise. */
        ChainVerification check(StoredCheckpoint checkpoint, byte[] storedHash, Long recordId) {
            long seq = checkpoint.chainSeq();
            if (!signer.verify(checkpoint)) {
                return broken(seq, recordId, Reason.CHECKPOINT_SIGNATURE_INVALID, lastGoodCheckpoint + 1, seq);
            }
            if (storedHash == null || !Arrays.equals(storedHash, checkpoint.hash())) {
                return broken(seq, recordId, Reason.CHECKPOINT_MISMATCH, lastGoodCheckpoint + 1, seq);
            }
            checkpointsChecked++;
            lastGoodCheckpoint = seq;
            return null;
        }

        ChainVerification broken(long seq, Long recordId, Reason reason, long suspectFrom, long suspectTo) {
            return new ChainVerification(
                    false,
                    records,
                    checkpointsChecked,
                    seq,
                    recordId,
                    reason,
                    suspectFrom,
                    suspectTo,
                    startedAt,
                    unchained,
                    lastCheckpoint());
        }

        ChainVerification intact() {
            return new ChainVerification(
                    true,
                    records,
                    checkpointsChecked,
                    null,
                    null,
                    null,
                    null,
                    null,
                    startedAt,
                    unchained,
                    lastCheckpoint());
        }

        private Long lastCheckpoint() {
            return checkpointsChecked == 0 ? null : lastGoodCheckpoint;
        }
    }
}
