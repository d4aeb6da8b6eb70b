package org.cityos.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.cityos.audit.persistence.StoredRecord;

/**
 * The exact bytes that record hashes and checkpoint signatures cover; an offline verifier must
 * reproduce them. Every variable-length field is a 4-byte big-endian length then its bytes (UTF-8
 * for text), with length -1 for null, so no content can move a field boundary ("ab"+"c" never equals
 * "a"+"bc") and null never equals empty. Numbers are 8-byte big-endian; instants are epoch
 * microseconds, PostgreSQL's precision. Each encoding starts with a versioned domain tag so a record
 * encoding can never pass for a checkpoint encoding.
 *
 * <pre>
 * record     = str("cityos-audit-record-v1") bytes(prevHash) i64(chainSeq) i64(id) i64(occurredAtMicros)
 *              str(actorId) str(actorKind) str(actorName) str(action) str(targetType) str(targetId)
 *              str(divisionCode) str(detailsJsonbText) str(requestId)
 * checkpoint = str("cityos-audit-checkpoint-v1") i64(chainSeq) bytes(hash) i64(signedAtMicros) str(keyId)
 * </pre>
 */
public final class CanonicalEncoding {
    static final String RECORD_TAG = "cityos-audit-record-v1";
    static final String CHECKPOINT_TAG = "cityos-audit-checkpoint-v1";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private CanonicalEncoding() {}

    /** The bytes hashed for a record at chain position {@code seq} that links to {@code prevHash}. */
    public static byte[] record(byte[] prevHash, long seq, StoredRecord r) {
        return new CanonicalEncoding()
                .text(RECORD_TAG)
                .bytes(prevHash)
                .number(seq)
                .number(r.id())
                .number(micros(r.occurredAt()))
                .text(r.actorId())
                .text(r.actorKind())
                .text(r.actorName())
                .text(r.action())
                .text(r.targetType())
                .text(r.targetId())
                .text(r.divisionCode())
                .text(r.details())
                .text(r.requestId())
                .toBytes();
    }

    /** The bytes a checkpoint signature covers. */
    public static byte[] checkpoint(long seq, byte[] hash, Instant signedAt, String keyId) {
        return new CanonicalEncoding()
                .text(CHECKPOINT_TAG)
                .number(seq)
                .bytes(hash)
                .number(micros(signedAt))
                .text(keyId)
                .toBytes();
    }

    /**
     * Epoch microseconds. Overflow on absurd instants (a tampered 'infinity') only yields a different
     * number, which then fails the hash comparison as it should, instead of throwing mid-verification.
     */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    CanonicalEncoding text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    CanonicalEncoding bytes(byte[] value) {
        if (value == null) {
            int32(-1);
        } else {
            int32(value.length);
            out.writeBytes(value);
        }
        return this;
    }

    CanonicalEncoding number(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    private void int32(int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(value >>> shift);
        }
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
