package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a long run watches in the CityOS JVM for leaks: the live heap, the resident set, the threads and the open file
 * descriptors, read from {@code /proc}. The live heap is the total of {@code jcmd GC.class_histogram}, which collects
 * fully and counts inside the same pause; reading the heap with a second command after a {@code GC.run} is not the
 * same — under load the application allocates hundreds of MB while that second JVM starts.
 */
record ProcessVitals(long heapAfterGcBytes, long residentBytes, int threads, int openFiles) {
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    /** Collects fully, then reads the vitals; a part that cannot be read is −1. */
    static ProcessVitals collectAndRead(long pid) throws IOException, InterruptedException {
        long heap = liveHeap(jcmd(pid, "GC.class_histogram"));
        return new ProcessVitals(
                heap, statusKilobytes(pid, "VmRSS") * 1024, (int) statusKilobytes(pid, "Threads"), openFiles(pid));
    }

    /** The bytes of all live objects: the last line of a class histogram. */
    static long liveHeap(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        long bytes = -1;
        while (total.find()) {
            bytes = Long.parseLong(total.group(1));
        }
        return bytes;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    /** A field of /proc/pid/status, without its unit (kB for memory, a count for Threads); −1 if absent. */
    private static long statusKilobytes(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(
                        line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    private static int openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
