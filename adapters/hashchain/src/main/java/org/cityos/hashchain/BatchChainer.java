package org.cityos.hashchain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Links appended entries into a hash chain in batches, and signs a checkpoint when one is due (ADR 0004): writers
 * only INSERT; one chainer at a time across all nodes (the table's lock, held for one transaction) decides the
 * order, so an entry that commits late simply gets the next position and concurrency leaves no holes. The audit
 * trail and the catalogue ledger each give it their table.
 *
 * @param <E> an entry as its table stores it
 */
public final class BatchChainer<E> {
    /** The head of a chain, or of its latest checkpoint: a position, its hash and (for checkpoints) when signed. */
    public record Head(long seq, byte[] hash, Instant signedAt) {}

    /** A chain's storage, read and written inside the transaction {@link BatchChainer} opens for each batch. */
    public interface Table<E> {
        /** Takes the chain's lock for this transaction; with {@code wait} false, false at once if another holds it. */
        boolean lock(boolean wait);

        /** The last chained entry's position and hash. */
        Optional<Head> head();

        /** Committed entries not yet chained, oldest first, at most {@code limit}. */
        List<E> unchained(int limit);

        /** The hash that links {@code entry} at {@code seq} after {@code prev}. */
        byte[] hash(byte[] prev, long seq, E entry);

        /** {@code entry} with its chain fields set. */
        E chained(E entry, long seq, byte[] prev, byte[] hash);

        /** Writes the chain fields of a whole batch; must fail (and so roll back) if any entry was chained already. */
        void apply(List<E> linked);

        /** The latest signed checkpoint. */
        Optional<Head> latestCheckpoint();

        /** Signs and stores a checkpoint of the chain up to {@code seq}. */
        void checkpoint(long seq, byte[] hash, Instant signedAt);
    }

    private final Table<E> table;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;
    private final Duration checkpointInterval;

    /** Runs a unit of work in one database transaction (READ COMMITTED: each batch must see the last one's). */
    @FunctionalInterface
    public interface Transactions {
        int inTransaction(Supplier<Integer> work);
    }

    public BatchChainer(
            Table<E> table, Transactions transactions, Clock clock, int batchSize, Duration checkpointInterval) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
        }
        this.table = table;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.checkpointInterval = checkpointInterval;
    }

    /**
     * Chains everything committed so far, batch after batch; with {@code wait}, after another chainer (on any node)
     * finishes, else not at all while one works. Returns how many entries it chained.
     */
    public int drain(boolean wait) {
        int total = 0;
        while (true) {
            int chained = transactions.inTransaction(() -> chainBatch(wait));
            if (chained < 0) {
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
        if (!table.lock(wait)) {
            return -1;
        }
        Optional<Head> head = table.head();
        long seq = head.map(Head::seq).orElse(0L);
        byte[] prev = head.map(Head::hash).orElse(Sha256.GENESIS);
        List<E> pending = table.unchained(batchSize);
        List<E> linked = new ArrayList<>(pending.size());
        for (E entry : pending) {
            seq++;
            byte[] hash = table.hash(prev, seq, entry);
            linked.add(table.chained(entry, seq, prev, hash));
            prev = hash;
        }
        if (!linked.isEmpty()) {
            table.apply(linked);
        }
        if (seq > 0) {
            checkpointIfDue(seq, prev);
        }
        return linked.size();
    }

    /**
     * Runs even when nothing new was chained, so the last entries before a quiet spell are still signed within one
     * checkpoint interval instead of waiting for the next burst of activity.
     */
    private void checkpointIfDue(long headSeq, byte[] headHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Head> latest = table.latestCheckpoint();
        if (latest.isPresent()
                && (latest.get().seq() >= headSeq
                        || now.isBefore(latest.get().signedAt().plus(checkpointInterval)))) {
            return;
        }
        table.checkpoint(headSeq, headHash, now);
    }
}
