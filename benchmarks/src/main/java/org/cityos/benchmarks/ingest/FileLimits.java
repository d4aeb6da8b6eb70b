package org.cityos.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Every connection is a file descriptor: before opening thousands, check that this process may hold them
 * (the machine allows 20,000), and say so clearly instead of failing half-way with "Too many open files".
 */
public final class FileLimits {
    /** Descriptors kept free for jars, logs, pipes and the JVM itself. */
    static final int RESERVE = 512;

    private FileLimits() {}

    /** The soft limit on open files of this process (ulimit -n), or {@code Long.MAX_VALUE} if unknown. */
    public static long openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft =
                            line.substring("Max open files".length()).strip().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: nothing to check against.
        }
        return Long.MAX_VALUE;
    }

    /** Descriptors this process holds now. */
    public static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Fails when {@code connections} more sockets would not fit under the limit. */
    public static void require(int connections) {
        check(connections, openFiles(), openFilesLimit());
    }

    static void check(long connections, long inUse, long limit) {
        if (limit != Long.MAX_VALUE && inUse + connections + RESERVE > limit) {
            throw new IllegalStateException(connections + " connections need as many file descriptors; this process"
                    + " holds " + inUse + " of at most " + limit + " (ulimit -n). Raise the limit or open fewer"
                    + " connections (a broker in the same JVM doubles the need: run it in its own process).");
        }
    }
}
