package org.cityos.hashchain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The chain's hash function: hash(n) = SHA-256(canonical(prevHash, n, entry)), so each hash commits to all before it. */
public final class Sha256 {
    /** What the first entry links to: 32 zero bytes, so the first link is checked like any other. */
    public static final byte[] GENESIS = new byte[32];

    private Sha256() {}

    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Convenience for a link: the hash of a canonical encoding that already contains the previous hash. */
    public static byte[] of(CanonicalBytes encoding) {
        return of(encoding.toBytes());
    }
}
