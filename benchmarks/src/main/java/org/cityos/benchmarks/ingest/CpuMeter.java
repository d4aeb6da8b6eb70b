package org.cityos.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of a process (user + system) from {@code /proc/<pid>/stat}, optionally with its descendants (the
 * embedded PostgreSQL's backends under CityOS), so a scenario can say where the cores went during a step.
 * Linux only; elsewhere every reading is zero.
 */
public final class CpuMeter {
    /** USER_HZ: what /proc counts CPU time in; 100 on every Linux this suite runs on. */
    static final double TICKS_PER_SECOND = 100;

    private CpuMeter() {}

    /** CPU seconds {@code pid} has used so far (0 if it is gone or this is not Linux). */
    public static double seconds(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of the live descendants of {@code pid} (exited ones are not counted). */
    public static double descendantSeconds(long pid) {
        List<ProcessHandle> children =
                ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
        double sum = 0;
        for (ProcessHandle child : children) {
            sum += seconds(child.pid());
        }
        return sum;
    }

    /** utime + stime (fields 14 and 15) of a stat line; the command name in parentheses may hold spaces. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
