package org.cityos.audit.internal;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.hashchain.ChainSigner;
import org.cityos.hashchain.Checkpoint;

/**
 * The audit chain's checkpoint signer: the shared {@link ChainSigner} (Ed25519, key in a file outside
 * the database) under the audit checkpoint tag, speaking in the audit table's rows.
 */
public final class CheckpointSigner {
    public static final String ALGORITHM = ChainSigner.ALGORITHM;

    private final ChainSigner signer;

    private CheckpointSigner(ChainSigner signer) {
        this.signer = signer;
    }

    /** Loads the key at {@code keyFile}, creating it (and its directories) on first start. */
    public static CheckpointSigner open(Path keyFile) {
        return new CheckpointSigner(ChainSigner.open(keyFile, CanonicalEncoding.CHECKPOINT_TAG));
    }

    /** The id checkpoints carry to say which key signed them. */
    public static String keyIdOf(PublicKey publicKey) {
        return ChainSigner.keyIdOf(publicKey);
    }

    public String keyId() {
        return signer.keyId();
    }

    public PublicKey publicKey() {
        return signer.publicKey();
    }

    /** The public key as X.509 PEM, for anyone who wants to verify checkpoints without CityOS. */
    public String publicKeyPem() {
        return signer.publicKeyPem();
    }

    ChainSigner chainSigner() {
        return signer;
    }

    public StoredCheckpoint sign(long seq, byte[] hash, Instant signedAt) {
        Checkpoint c = signer.sign(seq, hash, signedAt);
        return new StoredCheckpoint(c.seq(), c.hash(), c.signedAt(), c.keyId(), c.signature());
    }

    /** True only when the checkpoint names this key and its signature covers exactly its fields. */
    public boolean verify(StoredCheckpoint checkpoint) {
        return signer.verify(of(checkpoint));
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return ChainSigner.verify(key, message, signature);
    }

    static Checkpoint of(StoredCheckpoint c) {
        return new Checkpoint(c.chainSeq(), c.hash(), c.signedAt(), c.keyId(), c.signature());
    }
}
