package org.cityos.catalog;

import java.util.List;

/**
 * The outcome of checking one entry's history against the ledger: every version must be on the chain, its
 * content must still match the recorded digest, and the chain up to a signed checkpoint must be intact.
 *
 * @param ledger the whole-chain check it relies on
 */
public record EntryVerification(String code, boolean intact, List<VersionCheck> versions, LedgerVerification ledger) {

    /** One version's standing on the ledger; {@code seq} is null while it waits for the chainer. */
    public record VersionCheck(int version, Long seq, Status status) {}

    /** How a version stands. */
    public enum Status {
        /** On the chain, content matches, covered by a genuine checkpoint. */
        INTACT,
        /** On the chain and matching, but after the newest checkpoint: signed within one checkpoint interval. */
        CHAINED_UNSIGNED,
        /** Recorded but not yet linked by the chainer (a second or two). */
        PENDING,
        /** The version row no longer matches the digest the ledger recorded. */
        CONTENT_ALTERED,
        /** No ledger row records this version. */
        NOT_ON_LEDGER,
        /** Its ledger row lies at or after a break of the chain, so the chain no longer vouches for it. */
        CHAIN_BROKEN
    }
}
