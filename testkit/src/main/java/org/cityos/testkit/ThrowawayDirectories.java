package org.cityos.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary directories that tests create outside JUnit's {@code @TempDir} (static fixtures, servers
 * started once per JVM). Each is deleted with its contents when the JVM exits, so test runs do not
 * fill the disk with database files and keys.
 */
public final class ThrowawayDirectories {
    private static final Logger log = LoggerFactory.getLogger(ThrowawayDirectories.class);
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> CREATED.forEach(ThrowawayDirectories::delete), "throwaway-dirs"));
    }

    private ThrowawayDirectories() {}

    /** A new empty directory under the system's temporary directory, deleted when the JVM exits. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new empty directory that the caller deletes itself with {@link #delete(Path)}, because something
     * (a database server) must stop before its files can go.
     */
    public static Path createOwned(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the directory and everything under it; a failure is logged, never thrown. */
    public static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException e) {
            log.warn("Could not delete the test directory {}: {}", dir, e.toString());
        }
    }
}
