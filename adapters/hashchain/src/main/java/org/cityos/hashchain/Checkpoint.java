package org.cityos.hashchain;

import java.time.Instant;

/**
 * The signed claim "the chain up to {@code seq} ends in {@code hash}", as stored next to the chain.
 *
 * @param signature Ed25519 over {@link ChainSigner#checkpointBytes}; null or wrong means forged
 */
public record Checkpoint(long seq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {}
