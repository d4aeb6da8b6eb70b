package org.cityos.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys of the shared-data API. Like identity's API keys (whose helper is internal to identity), a key carries 256
 * random bits, so a plain SHA-256 digest is safe to store and is found by one indexed look-up per call.
 */
public final class ShareKeys {
    public static final String PREFIX = "shk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareKeys() {}

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the log and the grant show of a key: enough to tell keys apart, too little to use one. */
    public static String prefixOf(String key) {
        return key.substring(0, Math.min(12, key.length()));
    }
}
