package org.cityos.hashchain;

import java.util.Arrays;
import java.util.Iterator;

/**
 * Walks a chain in order and reports the first break. Entries are checked for continuity (no missing
 * position), linkage (each names its predecessor's hash) and content (its fields still produce its
 * hash). That catches an edit in place but not an attacker who recomputes every later hash; the
 * signed checkpoints catch that, because a recomputed chain no longer ends in the hash a checkpoint
 * signed, and without the private key no new checkpoint can be signed.
 *
 * <p>Give it iterators in chain order that start below position 1 (see {@link SeqPages}): a row or
 * checkpoint moved to position 0 or below is itself a finding.
 */
public final class ChainWalk<T> {
    /** How the walk reads one kind of chained entry. */
    public interface Links<T> {
        long seq(T link);

        byte[] prevHash(T link);

        byte[] hash(T link);

        /** The hash the entry's current fields produce when linked to {@code prevHash}. */
        byte[] recompute(byte[] prevHash, T link);
    }

    private final Links<T> links;
    private final ChainSigner signer;
    private long checked;
    private long checkpointsChecked;
    private long lastGoodCheckpoint;

    private ChainWalk(Links<T> links, ChainSigner signer) {
        this.links = links;
        this.signer = signer;
    }

    public static <T> Verdict<T> verify(
            Iterator<T> entries, Iterator<Checkpoint> checkpoints, Links<T> links, ChainSigner signer) {
        return new ChainWalk<>(links, signer).walk(entries, checkpoints);
    }

    private Verdict<T> walk(Iterator<T> entries, Iterator<Checkpoint> signed) {
        Checkpoint checkpoint = signed.hasNext() ? signed.next() : null;
        byte[] prev = Sha256.GENESIS;
        long expected = 1;
        while (entries.hasNext()) {
            T entry = entries.next();
            long seq = links.seq(entry);
            if (seq != expected) {
                long suspectTo = seq > expected ? seq - 1 : expected;
                return broken(expected, entry, Break.SEQUENCE_GAP, expected, suspectTo);
            }
            byte[] hash = links.hash(entry);
            if (!Arrays.equals(links.prevHash(entry), prev)) {
                return broken(seq, entry, Break.LINK_BROKEN, seq, seq);
            }
            if (!Arrays.equals(links.recompute(prev, entry), hash)) {
                return broken(seq, entry, Break.RECORD_ALTERED, seq, seq);
            }
            checked++;
            // A checkpoint below this position names an entry the walk never met, so it attests nothing.
            while (checkpoint != null && checkpoint.seq() <= seq) {
                byte[] stored = checkpoint.seq() == seq ? hash : null;
                Verdict<T> problem = check(checkpoint, stored, entry);
                if (problem != null) {
                    return problem;
                }
                checkpoint = signed.hasNext() ? signed.next() : null;
            }
            prev = hash;
            expected = seq + 1;
        }
        if (checkpoint != null) {
            // A genuine checkpoint beyond the last entry proves entries were cut off the end.
            Verdict<T> problem = check(checkpoint, null, null);
            return problem.reason() == Break.CHECKPOINT_SIGNATURE_INVALID
                    ? problem
                    : broken(expected, null, Break.SEQUENCE_GAP, expected, checkpoint.seq());
        }
        return new Verdict<>(true, checked, checkpointsChecked, null, null, null, null, null, lastCheckpoint());
    }

    /** Null when the checkpoint is genuine and matches {@code storedHash}; the verdict otherwise. */
    private Verdict<T> check(Checkpoint checkpoint, byte[] storedHash, T entry) {
        long seq = checkpoint.seq();
        if (!signer.verify(checkpoint)) {
            return broken(seq, entry, Break.CHECKPOINT_SIGNATURE_INVALID, lastGoodCheckpoint + 1, seq);
        }
        if (storedHash == null || !Arrays.equals(storedHash, checkpoint.hash())) {
            return broken(seq, entry, Break.CHECKPOINT_MISMATCH, lastGoodCheckpoint + 1, seq);
        }
        checkpointsChecked++;
        lastGoodCheckpoint = seq;
        return null;
    }

    private Verdict<T> broken(long seq, T entry, Break reason, long suspectFrom, long suspectTo) {
        return new Verdict<>(
                false, checked, checkpointsChecked, seq, entry, reason, suspectFrom, suspectTo, lastCheckpoint());
    }

    private Long lastCheckpoint() {
        return checkpointsChecked == 0 ? null : lastGoodCheckpoint;
    }
}
