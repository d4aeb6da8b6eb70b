package org.cityos.audit.persistence;

import java.time.Instant;

/**
 * A row of {@code audit_record} exactly as the hash covers it: {@code details} is PostgreSQL's own
 * text of the jsonb value, so hashing never depends on how Java would re-serialise it.
 *
 * @param chainSeq null while unchained
 * @param prevHash null while unchained
 * @param hash null while unchained
 */
public record StoredRecord(
        long id,
        Long chainSeq,
        Instant occurredAt,
        String actorId,
        String actorKind,
        String actorName,
        String action,
        String targetType,
        String targetId,
        String divisionCode,
        String details,
        String requestId,
        byte[] prevHash,
        byte[] hash) {

    /** The same record with its place in the chain. */
    public StoredRecord chained(long seq, byte[] prev, byte[] newHash) {
        return new StoredRecord(
                id,
                seq,
                occurredAt,
                actorId,
                actorKind,
                actorName,
                action,
                targetType,
                targetId,
                divisionCode,
                details,
                requestId,
                prev,
                newHash);
    }
}
