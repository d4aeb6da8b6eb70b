package org.cityos.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.cityos.audit.persistence.StoredCheckpoint;
import org.cityos.hashchain.SigningKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSignerTest {
    static final Instant AT = Instant.parse("2026-11-24T01:00:00.000001Z");
    static final byte[] HASH = ChainHash.sha256(new byte[] {1});

    @TempDir
    Path dir;

    @Test
    void creates_the_key_file_with_its_directories_readable_by_the_owner_only() throws Exception {
        Path file = dir.resolve("data/keys/audit-signing-ed25519.key");

        CheckpointSigner signer = CheckpointSigner.open(file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        assertThat(signer.keyId()).matches("[0-9a-f]{16}");
        assertThat(signer.keyId())
                .isEqualTo(HexFormat.of()
                        .formatHex(ChainHash.sha256(signer.publicKey().getEncoded()))
                        .substring(0, 16));
        try (var stray = Files.list(file.getParent())) {
            assertThat(stray).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void a_restart_reuses_the_key_so_old_checkpoints_still_verify() throws Exception {
        Path file = dir.resolve("keys/audit.key");
        CheckpointSigner before = CheckpointSigner.open(file);
        String content = Files.readString(file);
        StoredCheckpoint checkpoint = before.sign(9, HASH, AT);

        CheckpointSigner after = CheckpointSigner.open(file);

        assertThat(after.keyId()).isEqualTo(before.keyId());
        assertThat(Files.readString(file)).as("not rewritten").isEqualTo(content);
        assertThat(after.verify(checkpoint)).isTrue();
    }

    @Test
    void a_checkpoint_verifies_only_with_exactly_its_fields_and_key() {
        CheckpointSigner signer = CheckpointSigner.open(dir.resolve("a.key"));
        CheckpointSigner other = CheckpointSigner.open(dir.resolve("b.key"));
        StoredCheckpoint c = signer.sign(9, HASH, AT);
        byte[] flipped = c.signature().clone();
        flipped[5] ^= 1;

        assertThat(signer.verify(c)).isTrue();
        assertThat(other.keyId()).isNotEqualTo(signer.keyId());
        assertThat(other.verify(c)).as("another key").isFalse();
        assertThat(signer.verify(new StoredCheckpoint(10, c.hash(), AT, c.keyId(), c.signature())))
                .isFalse();
        assertThat(signer.verify(
                        new StoredCheckpoint(9, ChainHash.sha256(new byte[] {2}), AT, c.keyId(), c.signature())))
                .isFalse();
        assertThat(signer.verify(new StoredCheckpoint(9, c.hash(), AT.plusNanos(1000), c.keyId(), c.signature())))
                .isFalse();
        assertThat(signer.verify(new StoredCheckpoint(9, c.hash(), AT, c.keyId(), flipped)))
                .isFalse();
        assertThat(signer.verify(new StoredCheckpoint(9, c.hash(), AT, c.keyId(), new byte[3])))
                .as("malformed signature")
                .isFalse();
    }

    @Test
    void the_published_public_key_verifies_checkpoints_without_cityos() throws Exception {
        CheckpointSigner signer = CheckpointSigner.open(dir.resolve("a.key"));
        StoredCheckpoint c = signer.sign(9, HASH, AT);
        String pem = signer.publicKeyPem();
        byte[] der = Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
        var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));

        byte[] message = CanonicalEncoding.checkpoint(9, HASH, AT, signer.keyId());
        assertThat(CheckpointSigner.verify(publicKey, message, c.signature())).isTrue();
    }

    @Test
    void an_operators_own_private_key_without_the_public_block_works() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path file = dir.resolve("own.key");
        Files.writeString(
                file, SigningKeyFile.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        CheckpointSigner signer = CheckpointSigner.open(file);

        assertThat(signer.publicKey()).isEqualTo(pair.getPublic());
        assertThat(signer.keyId()).isEqualTo(CheckpointSigner.keyIdOf(pair.getPublic()));
    }

    @Test
    void refuses_a_key_file_whose_halves_do_not_belong_together_or_that_is_no_key() throws Exception {
        KeyPair one = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair two = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path mixed = dir.resolve("mixed.key");
        Files.writeString(
                mixed,
                SigningKeyFile.pem("PRIVATE KEY", one.getPrivate().getEncoded())
                        + SigningKeyFile.pem("PUBLIC KEY", two.getPublic().getEncoded()));
        Path garbage = dir.resolve("garbage.key");
        Files.writeString(garbage, "not a key");

        assertThatThrownBy(() -> CheckpointSigner.open(mixed)).hasMessageContaining("does not match");
        assertThatThrownBy(() -> CheckpointSigner.open(garbage)).hasMessageContaining("PRIVATE KEY");
    }
}
