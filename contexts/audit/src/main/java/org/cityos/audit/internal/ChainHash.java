package org.cityos.audit.internal;

import org.cityos.audit.persistence.StoredRecord;
import org.cityos.hashchain.Sha256;

/** hash(n) = SHA-256(canonical(prevHash, n, record)): each record's hash commits to every record before it. */
public final class ChainHash {
    /** What the first record links to: 32 zero bytes, so the first link is checked like any other. */
    public static final byte[] GENESIS = Sha256.GENESIS;

    private ChainHash() {}

    public static byte[] of(byte[] prevHash, long seq, StoredRecord record) {
        return sha256(CanonicalEncoding.record(prevHash, seq, record));
    }

    static byte[] sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
