package org.cityos.hashchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs checkpoints with an Ed25519 key that lives in a file, not in the database: whoever can rewrite
 * the chain's tables still cannot produce a checkpoint that verifies. The key id is the first 16 hex
 * characters of SHA-256 over the public key's X.509 encoding. Each chain names its own checkpoint
 * tag, so a checkpoint of one chain never verifies as one of another, even under the same key.
 *
 * <pre>checkpoint = str(checkpointTag) i64(seq) bytes(hash) i64(signedAtMicros) str(keyId)</pre>
 */
public final class ChainSigner {
    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final String checkpointTag;

    private ChainSigner(KeyPair pair, String checkpointTag) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = keyIdOf(publicKey);
        this.checkpointTag = checkpointTag;
        requireMatchingPair();
    }

    /** Loads the key at {@code keyFile}, creating it (and its directories) on first start. */
    public static ChainSigner open(Path keyFile, String checkpointTag) {
        try {
            return new ChainSigner(SigningKeyFile.loadOrCreate(keyFile), checkpointTag);
        } catch (IOException e) {
            throw new UncheckedIOException("signing key " + keyFile + " could not be read or created", e);
        }
    }

    /** The id checkpoints carry to say which key signed them. */
    public static String keyIdOf(PublicKey publicKey) {
        return HexFormat.of().formatHex(Sha256.of(publicKey.getEncoded())).substring(0, 16);
    }

    /** The exact bytes a checkpoint signature covers. */
    public static byte[] checkpointBytes(String checkpointTag, long seq, byte[] hash, Instant signedAt, String keyId) {
        return CanonicalBytes.tagged(checkpointTag)
                .number(seq)
                .bytes(hash)
                .number(CanonicalBytes.micros(signedAt))
                .text(keyId)
                .toBytes();
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String checkpointTag() {
        return checkpointTag;
    }

    /** The public key as X.509 PEM, for anyone who wants to verify checkpoints without CityOS. */
    public String publicKeyPem() {
        return SigningKeyFile.pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public Checkpoint sign(long seq, byte[] hash, Instant signedAt) {
        byte[] message = checkpointBytes(checkpointTag, seq, hash, signedAt, keyId);
        return new Checkpoint(seq, hash.clone(), signedAt, keyId, sign(message));
    }

    /** True only when the checkpoint names this key and its signature covers exactly its fields. */
    public boolean verify(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())
                || checkpoint.hash() == null
                || checkpoint.signature() == null
                || checkpoint.signedAt() == null) {
            return false;
        }
        byte[] message = checkpointBytes(
                checkpointTag, checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt(), checkpoint.keyId());
        return verify(publicKey, message, checkpoint.signature());
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature (wrong length) is as invalid as a wrong one.
            return false;
        }
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    // A key file whose public half belongs to another private key would sign checkpoints that never verify.
    private void requireMatchingPair() {
        byte[] probe = ("cityos-key-probe:" + keyId).getBytes(StandardCharsets.UTF_8);
        if (!verify(publicKey, probe, sign(probe))) {
            throw new IllegalStateException("signing key file holds a public key that does not match its"
                    + " private key (key id " + keyId + ")");
        }
    }
}
