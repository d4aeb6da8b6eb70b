package org.cityos.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.cityos.catalog.EntryVerification;
import org.cityos.catalog.EntryVerification.Status;
import org.cityos.catalog.EntryVerification.VersionCheck;
import org.cityos.catalog.LedgerVerification;
import org.cityos.catalog.LedgerVerification.LedgerPosition;
import org.cityos.catalog.LedgerVerification.Reason;
import org.cityos.catalog.persistence.EntryStore;
import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.LedgerStore;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.hashchain.ChainSigner;
import org.cityos.hashchain.ChainWalk;
import org.cityos.hashchain.Checkpoint;
import org.cityos.hashchain.SeqPages;
import org.cityos.hashchain.Verdict;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the ledger with the shared {@link ChainWalk} (continuity, links, hashes, signed checkpoints) and, on
 * the way, that every recorded entry version and sharing decision still matches its digest. The first finding by position wins.
 */
public final class LedgerVerifier {
    private static final int PAGE = 5_000;
    private static final int MAX_SUSPECTS = 100;

    private final LedgerStore ledger;
    private final EntryStore entries;
    private final ChainSigner signer;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public LedgerVerifier(
            LedgerStore ledger,
            EntryStore entries,
            ChainSigner signer,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.ledger = ledger;
        this.entries = entries;
        this.signer = signer;
        this.clock = clock;
        // One snapshot for the whole walk, so the chainer appending meanwhile cannot confuse it.
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public LedgerVerification verify() {
        return snapshot.execute(status -> walk());
    }

    /** The whole-chain check plus each version of {@code code} against its ledger row. */
    public EntryVerification verifyEntry(String code) {
        return snapshot.execute(status -> {
            LedgerVerification chain = walk();
            List<LedgerEntry> rows = ledger.ofSubject(LedgerEncoding.ENTRY_VERSION, code);
            List<VersionCheck> checks = new ArrayList<>();
            for (StoredVersion v : entries.history(code)) {
                checks.add(check(v, rows, chain));
            }
            boolean intact = !chainBroken(chain)
                    && checks.stream()
                            .allMatch(c -> c.status() == Status.INTACT
                                    || c.status() == Status.CHAINED_UNSIGNED
                                    || c.status() == Status.PENDING);
            return new EntryVerification(code, intact, checks, chain);
        });
    }

    private static VersionCheck check(StoredVersion v, List<LedgerEntry> rows, LedgerVerification chain) {
        LedgerEntry row = rows.stream()
                .filter(r -> r.subjectVersion() == v.version())
                .findFirst()
                .orElse(null);
        if (row == null) {
            return new VersionCheck(v.version(), null, Status.NOT_ON_LEDGER);
        }
        if (!Arrays.equals(LedgerEncoding.digest(v), row.contentDigest())) {
            return new VersionCheck(v.version(), row.chainSeq(), Status.CONTENT_ALTERED);
        }
        Long seq = row.chainSeq();
        if (seq == null) {
            return new VersionCheck(v.version(), null, Status.PENDING);
        }
        boolean beforeBreak = !chainBroken(chain) || seq < brokenFrom(chain);
        if (!beforeBreak) {
            return new VersionCheck(v.version(), seq, Status.CHAIN_BROKEN);
        }
        boolean signed = chain.lastCheckpointSeq() != null && seq <= chain.lastCheckpointSeq();
        return new VersionCheck(v.version(), seq, signed ? Status.INTACT : Status.CHAINED_UNSIGNED);
    }

    /**
     * An altered or missing version row leaves the chain itself sound (each version's content is checked on
     * its own above); only a break of the links, hashes or checkpoints stops vouching for later positions.
     */
    private static boolean chainBroken(LedgerVerification chain) {
        return !chain.intact() && chain.reason() != Reason.CONTENT_ALTERED && chain.reason() != Reason.VERSION_MISSING;
    }

    private static long brokenFrom(LedgerVerification chain) {
        return chain.suspectFromSeq() != null ? chain.suspectFromSeq() : chain.brokenSeq();
    }

    private LedgerVerification walk() {
        Instant startedAt = clock.instant();
        long unchained = ledger.countUnchained();
        SeqPages<LedgerEntry> rows =
                new SeqPages<>(Long.MIN_VALUE, PAGE, from -> ledger.chainedFrom(from, PAGE), LedgerEntry::chainSeq);
        SeqPages<Checkpoint> checkpoints =
                new SeqPages<>(Long.MIN_VALUE, PAGE, from -> ledger.checkpointsFrom(from, PAGE), Checkpoint::seq);
        ContentCheck content = new ContentCheck(rows);
        Verdict<LedgerEntry> v = ChainWalk.verify(content, checkpoints, LINKS, signer);
        if (content.altered != null && (v.intact() || content.altered.seq() < v.brokenSeq())) {
            return new LedgerVerification(
                    false,
                    content.altered.seq() - 1,
                    v.checkpointsChecked(),
                    content.altered.seq(),
                    content.reason,
                    content.altered,
                    content.altered.seq(),
                    content.altered.seq(),
                    List.of(content.altered),
                    startedAt,
                    unchained,
                    v.lastCheckpointSeq());
        }
        if (v.intact()) {
            return new LedgerVerification(
                    true,
                    v.linksChecked(),
                    v.checkpointsChecked(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    startedAt,
                    unchained,
                    v.lastCheckpointSeq());
        }
        LedgerPosition at = v.brokenLink() == null ? null : position(v.brokenLink());
        return new LedgerVerification(
                false,
                v.linksChecked(),
                v.checkpointsChecked(),
                v.brokenSeq(),
                Reason.valueOf(v.reason().name()),
                at,
                v.suspectFromSeq(),
                v.suspectToSeq(),
                suspects(v.suspectFromSeq(), v.suspectToSeq()),
                startedAt,
                unchained,
                v.lastCheckpointSeq());
    }

    private List<LedgerPosition> suspects(Long from, Long to) {
        if (from == null || to == null || to < from) {
            return List.of();
        }
        int limit = (int) Math.min(MAX_SUSPECTS, to - from + 1);
        return ledger.chainedFrom(from, limit).stream()
                .filter(e -> e.chainSeq() <= to)
                .map(LedgerVerifier::position)
                .toList();
    }

    static LedgerPosition position(LedgerEntry e) {
        return new LedgerPosition(e.chainSeq(), e.kind(), e.subject(), e.subjectVersion());
    }

    /** Passes rows on to the walk and notes the first entry version that no longer matches its digest. */
    private static final class ContentCheck implements Iterator<LedgerEntry> {
        private final Iterator<LedgerEntry> rows;
        private LedgerPosition altered;
        private Reason reason;

        ContentCheck(Iterator<LedgerEntry> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public LedgerEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            LedgerEntry e = rows.next();
            if (altered == null
                    && (LedgerEncoding.ENTRY_VERSION.equals(e.kind())
                            || LedgerEncoding.SHARE_DECISION.equals(e.kind()))) {
                if (e.version() == null) {
                    altered = position(e);
                    reason = Reason.VERSION_MISSING;
                } else if (!Arrays.equals(LedgerEncoding.digest(e.version()), e.contentDigest())) {
                    altered = position(e);
                    reason = Reason.CONTENT_ALTERED;
                }
            }
            return e;
        }
    }

    private static final ChainWalk.Links<LedgerEntry> LINKS = new ChainWalk.Links<>() {
        @Override
        public long seq(LedgerEntry e) {
            return e.chainSeq();
        }

        @Override
        public byte[] prevHash(LedgerEntry e) {
            return e.prevHash();
        }

        @Override
        public byte[] hash(LedgerEntry e) {
            return e.hash();
        }

        @Override
        public byte[] recompute(byte[] prevHash, LedgerEntry e) {
            return LedgerEncoding.link(prevHash, e.chainSeq(), e);
        }
    };
}
