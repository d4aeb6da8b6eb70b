package org.cityos.audit.persistence;

import java.time.Instant;

/** A row of {@code audit_checkpoint}: the signed claim that the chain at {@code chainSeq} ends in {@code hash}. */
public record StoredCheckpoint(long chainSeq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {}
