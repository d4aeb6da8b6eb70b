package org.cityos.hashchain;

/** The kinds of break a chain walk finds, in the words an auditor's report uses. */
public enum Break {
    /** An entry's fields no longer produce its stored hash: it was edited in place. */
    RECORD_ALTERED,
    /** An entry's previous-hash does not match the hash of the entry before it. */
    LINK_BROKEN,
    /** Positions are missing: entries were deleted (or a signed checkpoint names one that is gone). */
    SEQUENCE_GAP,
    /**
     * A validly signed checkpoint no longer matches the stored hash at its position: the entries in the
     * suspect range were rewritten and the rest of the chain recomputed to hide it.
     */
    CHECKPOINT_MISMATCH,
    /** A checkpoint's signature does not verify under the public key: it was forged or altered. */
    CHECKPOINT_SIGNATURE_INVALID
}
