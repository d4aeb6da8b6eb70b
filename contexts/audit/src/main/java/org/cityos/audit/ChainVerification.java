package org.cityos.audit;

import java.time.Instant;

/**
 * The outcome of checking the whole chain. When broken, the fields say where the first break is;
 * verification stops there because nothing after it can be trusted by the chain alone.
 *
 * @param recordsChecked chained records found intact before the first break (all of them when intact)
 * @param checkpointsChecked checkpoints whose signature and hash both matched
 * @param firstBrokenSeq chain position of the first break; null when intact
 * @param firstBrokenRecordId the record at or just after the break, when there is one
 * @param reason why the chain is broken; null when intact
 * @param suspectFromSeq first position that may have been rewritten
 * @param suspectToSeq last position that may have been rewritten
 * @param unchainedRecords records still waiting for the chainer (normal for a few seconds)
 * @param lastCheckpointSeq position of the newest checkpoint found genuine and matching (before the
 *     break, if any); records after it are protected by the hash chain alone until the next
 *     checkpoint is signed, at most one checkpoint interval later
 */
public record ChainVerification(
        boolean intact,
        long recordsChecked,
        long checkpointsChecked,
        Long firstBrokenSeq,
        Long firstBrokenRecordId,
        Reason reason,
        Long suspectFromSeq,
        Long suspectToSeq,
        Instant verifiedAt,
        long unchainedRecords,
        Long lastCheckpointSeq) {

    /** The kinds of break, in the words an auditor's report uses. */
    public enum Reason {
        /** A record's fields no longer produce its stored hash: it was edited in place. */
        RECORD_ALTERED,
        /** A record's previous-hash does not match the hash of the record before it. */
        LINK_BROKEN,
        /** Positions are missing: records were deleted (or a signed checkpoint names one that is gone). */
        SEQUENCE_GAP,
        /**
         * A validly signed checkpoint no longer matches the stored hash at its position: the records in
         * the suspect range were rewritten and the rest of the chain recomputed to hide it.
         */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify under the audit public key: it was forged or altered. */
        CHECKPOINT_SIGNATURE_INVALID
    }
}
