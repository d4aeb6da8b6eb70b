package org.cityos.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * A private copy of the CityOS jar for one run: every start in the run uses the same bytes, and a
 * rebuild of {@code app/target/cityos.jar} while the suite runs (another build on the same checkout)
 * cannot swap classes under a running CityOS.
 */
public final class JarSnapshot {
    private JarSnapshot() {}

    /** Copies {@code jar} into {@code dir} and checks the copy is a readable jar, retrying a jar mid-write. */
    public static Path copy(Path jar, Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("CityOS jar not found at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -B -ntp -DskipTests install");
        }
        Files.createDirectories(dir);
        Path copy = dir.resolve("cityos.jar");
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            try (JarFile readable = new JarFile(copy.toFile())) {
                if (readable.getManifest() != null) {
                    return copy;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(2000); // being rewritten by a build right now
        }
        throw new IOException("could not take a readable copy of " + jar, last);
    }
}
