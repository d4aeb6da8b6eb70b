package org.cityos.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrowawayDirectoriesTest {

    @Test
    void deletesANestedTreeAndToleratesOneAlreadyGone() throws Exception {
        Path dir = ThrowawayDirectories.createOwned("throwaway-test");
        Files.createDirectories(dir.resolve("base/global"));
        Files.writeString(dir.resolve("base/global/pg_control"), "x");
        Files.writeString(dir.resolve("postmaster.pid"), "1");

        ThrowawayDirectories.delete(dir);
        ThrowawayDirectories.delete(dir);

        assertThat(dir).doesNotExist();
    }

    @Test
    void aCreatedDirectoryIsGoneAfterItsJvmExits() throws Exception {
        Path marker = Files.createTempFile("throwaway-child", ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), marker.toString())
                .inheritIO()
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        Path created = Path.of(Files.readString(marker).trim());
        Files.delete(marker);
        assertThat(created).doesNotExist();
    }

    /** A JVM that creates a directory with a file in it, writes its path down and exits. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = ThrowawayDirectories.create("throwaway-child");
            Files.writeString(dir.resolve("audit.key"), "secret");
            Files.writeString(Path.of(args[0]), dir.toString());
        }
    }
}
