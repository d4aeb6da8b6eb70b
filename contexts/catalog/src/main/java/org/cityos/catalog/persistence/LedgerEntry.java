package org.cityos.catalog.persistence;

import java.time.Instant;

/**
 * A row of {@code catalog_ledger}, and when it records an entry version, that version as stored now (so the
 * verifier can check the version still matches the digest the ledger holds).
 *
 * @param kind {@code entry-version} (later also sharing decisions)
 * @param subject the entry code (or other subject id); {@code subjectVersion} its version
 * @param contentDigest SHA-256 of the version's canonical form when it was recorded
 * @param chainSeq null until the chainer links the row
 * @param version the version row it points to, null when there is none (or the row is not an entry version)
 */
public record LedgerEntry(
        long id,
        Long chainSeq,
        String kind,
        String subject,
        int subjectVersion,
        byte[] contentDigest,
        Instant recordedAt,
        byte[] prevHash,
        byte[] hash,
        StoredVersion version) {

    public LedgerEntry chained(long seq, byte[] prev, byte[] newHash) {
        return new LedgerEntry(
                id, seq, kind, subject, subjectVersion, contentDigest, recordedAt, prev, newHash, version);
    }
}
