package org.cityos.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import org.cityos.audit.ChainVerification;
import org.cityos.audit.ChainVerification.Reason;
import org.cityos.audit.persistence.ChainStore;
import org.cityos.audit.persistence.CheckpointStore;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.audit.persistence.StoredRecord;
import org.cityos.hashchain.ChainWalk;
import org.cityos.hashchain.Checkpoint;
import org.cityos.hashchain.SeqPages;
import org.cityos.hashchain.Verdict;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole audit chain with the shared {@link ChainWalk} and reports the first break. Records are checked for continuity
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
        Instant startedAt = clock.instant();
        long unchained = chain.countUnchained();
        // Start below 1: a row or checkpoint moved to position 0 or below is itself a finding.
        SeqPages<StoredCheckpoint> signed = new SeqPages<>(
                Long.MIN_VALUE,
                CHECKPOINT_PAGE,
                from -> checkpoints.from(from, CHECKPOINT_PAGE),
                StoredCheckpoint::chainSeq);
        SeqPages<StoredRecord> records = new SeqPages<>(
                Long.MIN_VALUE, RECORD_PAGE, from -> chain.chainedFrom(from, RECORD_PAGE), StoredRecord::chainSeq);
        Iterator<Checkpoint> asCheckpoints = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return signed.hasNext();
            }

            @Override
            public Checkpoint next() {
                return CheckpointSigner.of(signed.next());
            }
        };
        Verdict<StoredRecord> v = ChainWalk.verify(records, asCheckpoints, LINKS, signer.chainSigner());
        return new ChainVerification(
                v.intact(),
                v.linksChecked(),
                v.checkpointsChecked(),
                v.brokenSeq(),
                v.brokenLink() == null ? null : v.brokenLink().id(),
                v.reason() == null ? null : Reason.valueOf(v.reason().name()),
                v.suspectFromSeq(),
                v.suspectToSeq(),
                startedAt,
                unchained,
                v.lastCheckpointSeq());
    }

    /** How the shared walk reads an audit record. */
    private static final ChainWalk.Links<StoredRecord> LINKS = new ChainWalk.Links<>() {
        @Override
        public long seq(StoredRecord r) {
            return r.chainSeq();
        }

        @Override
        public byte[] prevHash(StoredRecord r) {
            return r.prevHash();
        }

        @Override
        public byte[] hash(StoredRecord r) {
            return r.hash();
        }

        @Override
        public byte[] recompute(byte[] prevHash, StoredRecord r) {
            return ChainHash.of(prevHash, r.chainSeq(), r);
        }
    };
}
