package org.cityos.catalog.internal;

import org.cityos.catalog.persistence.LedgerEntry;
import org.cityos.catalog.persistence.StoredVersion;
import org.cityos.hashchain.CanonicalBytes;
import org.cityos.hashchain.Sha256;

/**
 * The bytes the catalogue ledger hashes and signs, in the shared canonical form (ADR 0016). A version's
 * digest covers its metadata JSON text byte for byte and who/when/why; a ledger link covers that digest, so
 * an edit of either the version row or the ledger row shows.
 *
 * <pre>
 * version    = str("cityos-catalog-version-v1") str(code) i64(version) str(contentJson) str(changedBy)
 *              i64(changedAtMicros) str(reason)
 * link       = str("cityos-catalog-ledger-v1") bytes(prevHash) i64(seq) i64(id) str(kind) str(subject)
 *              i64(subjectVersion) bytes(contentDigest) i64(recordedAtMicros)
 * checkpoint = str("cityos-catalog-checkpoint-v1") i64(seq) bytes(hash) i64(signedAtMicros) str(keyId)
 * </pre>
 */
public final class LedgerEncoding {
    public static final String VERSION_TAG = "cityos-catalog-version-v1";
    public static final String LINK_TAG = "cityos-catalog-ledger-v1";
    public static final String CHECKPOINT_TAG = "cityos-catalog-checkpoint-v1";
    public static final String ENTRY_VERSION = "entry-version";
    /** A provider's decision on a sharing request; subject = request id, version 1, content = the decision JSON. */
    public static final String SHARE_DECISION = "share-decision";

    private LedgerEncoding() {}

    public static byte[] digest(StoredVersion v) {
        return Sha256.of(CanonicalBytes.tagged(VERSION_TAG)
                .text(v.code())
                .number(v.version())
                .text(v.content())
                .text(v.changedBy())
                .instant(v.changedAt())
                .text(v.reason()));
    }

    public static byte[] link(byte[] prevHash, long seq, LedgerEntry e) {
        return Sha256.of(CanonicalBytes.tagged(LINK_TAG)
                .bytes(prevHash)
                .number(seq)
                .number(e.id())
                .text(e.kind())
                .text(e.subject())
                .number(e.subjectVersion())
                .bytes(e.contentDigest())
                .instant(e.recordedAt()));
    }
}
