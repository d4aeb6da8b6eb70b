package org.cityos.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run was measured on, because figures from different machines are not comparable.
 *
 * @param cores processors available to the JVM (what {@code nproc} reports)
 * @param cpu CPU model from /proc/cpuinfo
 * @param memoryKib total memory from /proc/meminfo, in KiB (0 when unknown)
 * @param java Java runtime version
 * @param os operating system and kernel
 */
public record Machine(int cores, String cpu, long memoryKib, String java, String os) {

    public static Machine detect() {
        String cpu = read("/proc/cpuinfo").flatMap(Machine::cpuModel).orElse(System.getProperty("os.arch"));
        long mem = read("/proc/meminfo").map(Machine::memTotalKib).orElse(0L);
        String distro = read("/etc/os-release").flatMap(Machine::prettyName).orElse(System.getProperty("os.name"));
        String os = distro + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String java =
                "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, mem, java, os);
    }

    /** Everything, for the line under the table. */
    public String line() {
        return cores + " cores, " + cpu + ", " + memory() + " RAM, " + java + ", " + os;
    }

    /** Short enough for a table cell. */
    public String label() {
        int paren = java.indexOf(" (");
        return cores + "× " + cpu + ", " + memory() + ", " + (paren > 0 ? java.substring(0, paren) : java);
    }

    String memory() {
        return memoryKib <= 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", memoryKib / (1024.0 * 1024.0));
    }

    static Optional<String> cpuModel(String cpuinfo) {
        return field(cpuinfo, "model name", ':');
    }

    static long memTotalKib(String meminfo) {
        return field(meminfo, "MemTotal", ':')
                .map(v -> v.replace("kB", "").strip())
                .map(Long::parseLong)
                .orElse(0L);
    }

    static Optional<String> prettyName(String osRelease) {
        return field(osRelease, "PRETTY_NAME", '=').map(v -> v.replace("\"", ""));
    }

    private static Optional<String> field(String text, String key, char separator) {
        return text.lines()
                .filter(l -> l.startsWith(key) && l.indexOf(separator) > 0)
                .filter(l -> l.substring(0, l.indexOf(separator)).strip().equals(key))
                .map(l -> l.substring(l.indexOf(separator) + 1).strip())
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
