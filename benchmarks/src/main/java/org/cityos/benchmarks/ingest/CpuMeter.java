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

    /**
     * CPU of CityOS, its PostgreSQL (the postmaster and its backends) and this load client from now on, told as
     * cores over the wall time since: "CityOS JVM 0.92, its PostgreSQL 0.91, load client 0.06 of 2".
     */
    public static Split split(long app, long postgres) {
        return new Split(app, postgres);
    }

    /** See {@link #split}. */
    public static final class Split {
        private final long app;
        private final long postgres;
        private final long self = ProcessHandle.current().pid();
        private final long started = System.nanoTime();
        private final double app0;
        private final double pg0;
        private final double client0;

        private Split(long app, long postgres) {
            this.app = app;
            this.postgres = postgres;
            this.app0 = seconds(app);
            this.pg0 = seconds(postgres) + descendantSeconds(postgres);
            this.client0 = seconds(self);
        }

        public String cores() {
            double wall = (System.nanoTime() - started) / 1e9;
            return String.format(
                    java.util.Locale.ROOT,
                    "CityOS JVM %.2f, its PostgreSQL %.2f, load client %.2f of %d",
                    (seconds(app) - app0) / wall,
                    (seconds(postgres) + descendantSeconds(postgres) - pg0) / wall,
                    (seconds(self) - client0) / wall,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
