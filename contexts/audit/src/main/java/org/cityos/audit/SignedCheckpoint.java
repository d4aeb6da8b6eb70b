package org.cityos.audit;

import java.time.Instant;

/**
 * A signed statement "the chain up to {@code chainSeq} ends in {@code hash}". The signature covers
 * the canonical encoding of (chainSeq, hash, signedAt, keyId), see {@code CanonicalEncoding}.
 *
 * @param hash hex SHA-256 of the record at {@code chainSeq}
 * @param signature base64 Ed25519 signature
 */
public record SignedCheckpoint(long chainSeq, String hash, Instant signedAt, String keyId, String signature) {}
