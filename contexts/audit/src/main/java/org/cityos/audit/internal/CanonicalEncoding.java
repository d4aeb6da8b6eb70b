package org.cityos.audit.internal;

import java.time.Instant;
import org.cityos.audit.persistence.StoredRecord;
import org.cityos.hashchain.CanonicalBytes;
import org.cityos.hashchain.ChainSigner;

/**
 * The exact bytes that audit record hashes and checkpoint signatures cover; an offline verifier must
 * reproduce them. Built with the shared {@link CanonicalBytes}: every variable-length field is a 4-byte big-endian length then its bytes (UTF-8
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

    private CanonicalEncoding() {}

    /** The bytes hashed for a record at chain position {@code seq} that links to {@code prevHash}. */
    public static byte[] record(byte[] prevHash, long seq, StoredRecord r) {
        return CanonicalBytes.tagged(RECORD_TAG)
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
        return ChainSigner.checkpointBytes(CHECKPOINT_TAG, seq, hash, signedAt, keyId);
    }

    static long micros(Instant instant) {
        return CanonicalBytes.micros(instant);
    }
}
