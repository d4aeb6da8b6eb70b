package org.cityos.catalog;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking the whole catalogue ledger. When broken, {@code brokenSeq} and {@code brokenAt} say
 * where (which position, which entry version); a rewrite hidden by recomputing every later hash is located
 * to the positions between the last good checkpoint and the first that no longer matches, and {@code
 * suspects} lists the entry versions recorded there.
 *
 * @param entriesChecked ledger rows found intact before the first break (all when intact)
 * @param checkpointsChecked signed checkpoints whose signature and hash both matched
 * @param unchained rows still waiting for the chainer (normal for a second or two)
 * @param lastCheckpointSeq newest genuine matching checkpoint; rows after it are protected by the chain alone
 */
public record LedgerVerification(
        boolean intact,
        long entriesChecked,
        long checkpointsChecked,
        Long brokenSeq,
        Reason reason,
        LedgerPosition brokenAt,
        Long suspectFromSeq,
        Long suspectToSeq,
        List<LedgerPosition> suspects,
        Instant verifiedAt,
        long unchained,
        Long lastCheckpointSeq) {

    /** What a ledger position records: an entry version (kind {@code entry-version}, code, version). */
    public record LedgerPosition(long seq, String kind, String subject, int subjectVersion) {}

    /** The kinds of break. */
    public enum Reason {
        /** A ledger row's fields no longer produce its hash: the row was edited in place. */
        RECORD_ALTERED,
        /** A ledger row does not name its predecessor's hash. */
        LINK_BROKEN,
        /** Positions are missing: ledger rows were deleted. */
        SEQUENCE_GAP,
        /** A genuine checkpoint no longer matches: rows in the suspect range were rewritten and the rest recomputed. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify: it was forged or altered. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** An entry version no longer matches the digest the ledger recorded: the version row was edited. */
        CONTENT_ALTERED,
        /** The ledger records an entry version that is no longer stored: the version row was deleted. */
        VERSION_MISSING
    }
}
