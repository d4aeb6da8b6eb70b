package org.cityos.hashchain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds the exact bytes a chain hash or checkpoint signature covers, so an offline verifier can
 * reproduce them. Every variable-length field is a 4-byte big-endian length then its bytes (UTF-8 for
 * text), with length -1 for null, so no content can move a field boundary ("ab"+"c" never equals
 * "a"+"bc") and null never equals empty. Numbers are 8-byte big-endian; instants are epoch
 * microseconds, PostgreSQL's precision. Start every encoding with a versioned domain tag ({@link
 * #tagged}) so one kind of encoding can never pass for another.
 */
public final class CanonicalBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private CanonicalBytes() {}

    /** A new encoding that begins with {@code tag} as its first text field. */
    public static CanonicalBytes tagged(String tag) {
        return new CanonicalBytes().text(tag);
    }

    /**
     * Epoch microseconds. Overflow on absurd instants (a tampered 'infinity') only yields a different
     * number, which then fails the hash comparison as it should, instead of throwing mid-verification.
     */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    public CanonicalBytes text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public CanonicalBytes bytes(byte[] value) {
        if (value == null) {
            int32(-1);
        } else {
            int32(value.length);
            out.writeBytes(value);
        }
        return this;
    }

    public CanonicalBytes number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** An instant as epoch microseconds; null is encoded like a null text, so it differs from every instant. */
    public CanonicalBytes instant(Instant value) {
        return value == null ? bytes(null) : number(micros(value));
    }

    private void int32(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
