package org.cityos.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets and their digests. Tokens and API keys carry 256 bits of randomness, so a plain
 * SHA-256 digest is enough to store them and finds them in one indexed look-up; slow hashes are for
 * passwords people choose.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final String PASSWORD_SYMBOLS = "!#%+=?@";

    private Secrets() {}

    public static String token(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-time password that passes the password policy: 16 characters, all four classes. */
    public static String oneTimePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        sb.append((char) ('A' + RANDOM.nextInt(26)));
        sb.append((char) ('2' + RANDOM.nextInt(8)));
        sb.append(PASSWORD_SYMBOLS.charAt(RANDOM.nextInt(PASSWORD_SYMBOLS.length())));
        return sb.toString();
    }
}
