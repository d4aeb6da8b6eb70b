package org.cityos.hashchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key on disk: a PKCS#8 "PRIVATE KEY" PEM block (what {@code openssl genpkey -algorithm
 * ed25519} writes) followed by the X.509 "PUBLIC KEY" block. Created with mode 600 so only the CityOS
 * user can read it; a file with only the private block (an operator's own key) works too.
 */
public final class SigningKeyFile {
    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {}

    static KeyPair loadOrCreate(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            create(path);
        }
        return load(path);
    }

    private static void create(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        KeyPair pair = generate();
        String text = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path temp = path.resolveSibling(path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createOwnerOnly(temp);
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            // Written aside, then published under its name only if none exists: a crash never leaves a
            // half-written key, and two nodes starting together never replace each other's key.
            publish(temp, path);
            log.info("Created signing key {} (key id {})", path, ChainSigner.keyIdOf(pair.getPublic()));
        } catch (FileAlreadyExistsException e) {
            log.info("Signing key {} was created concurrently; using it", path);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void publish(Path temp, Path path) throws IOException {
        try {
            Files.createLink(path, temp);
        } catch (UnsupportedOperationException e) {
            Files.move(temp, path);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            log.warn("{} is not on a POSIX file system; restrict access to the signing key by hand", file);
            Files.createFile(file);
        }
    }

    private static KeyPair load(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.US_ASCII);
        byte[] privateDer = block(text, "PRIVATE KEY");
        if (privateDer == null) {
            throw new IllegalStateException("signing key file " + path + " holds no PRIVATE KEY PEM block");
        }
        warnIfShared(path);
        try {
            KeyFactory keys = KeyFactory.getInstance(ChainSigner.ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            byte[] publicDer = block(text, "PUBLIC KEY");
            PublicKey publicKey = publicDer != null
                    ? keys.generatePublic(new X509EncodedKeySpec(publicDer))
                    : derivePublic((EdECPrivateKey) privateKey);
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("signing key file " + path + " is not an Ed25519 key", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ChainSigner.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate Ed25519 keys", e);
        }
    }

    /**
     * Java 17 has no API to compute an Ed25519 public key from the private one, but its generator does
     * exactly that with 32 random bytes as the private key; feeding it the key's own bytes derives the
     * matching public key. {@link CheckpointSigner} proves the pair matches before it is used.
     */
    private static PublicKey derivePublic(EdECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = privateKey.getBytes().orElseThrow(() -> new GeneralSecurityException("no key bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ChainSigner.ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
        return generator.generateKeyPair().getPublic();
    }

    private static void warnIfShared(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn(
                        "Signing key {} is accessible to others ({}); chmod 600 it",
                        path,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot read permissions of {}", path, e);
        }
    }

    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String text, String type) {
        Matcher m = Pattern.compile("-----BEGIN " + type + "-----([A-Za-z0-9+/=\\s]+)-----END " + type + "-----")
                .matcher(text);
        return m.find() ? Base64.getMimeDecoder().decode(m.group(1)) : null;
    }

    /** A "random" source that yields the given bytes, used only to derive a public key. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, out.length));
        }
    }
}
