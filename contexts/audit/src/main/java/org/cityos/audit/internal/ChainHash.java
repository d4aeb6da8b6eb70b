package org.cityos.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.cityos.audit.persistence.StoredRecord;

/** hash(n) = SHA-256(canonical(prevHash, n, record)): each record's hash commits to every record before it. */
public final class ChainHash {
    /** What the first record links to: 32 zero bytes, so the first link is checked like any other. */
    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {}

    public static byte[] of(byte[] prevHash, long seq, StoredRecord record) {
        return sha256(CanonicalEncoding.record(prevHash, seq, record));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
