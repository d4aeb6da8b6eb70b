package org.cityos.audit;

import org.cityos.kernel.Page;

/**
 * Checkpoints with what anyone needs to check them offline: the algorithm and the public key.
 *
 * @param publicKeyPem X.509 SubjectPublicKeyInfo in PEM
 * @param checkpoints newest first
 */
public record CheckpointExport(
        String algorithm, String keyId, String publicKeyPem, Page<SignedCheckpoint> checkpoints) {}
