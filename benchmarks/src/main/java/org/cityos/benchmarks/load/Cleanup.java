package org.cityos.benchmarks.load;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the suite started (CityOS processes, PostgreSQL servers), closed newest first at the end
 * of a scenario, and by a shutdown hook if the suite is interrupted or crashes, so nothing outlives it.
 */
public final class Cleanup {
    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "benchmark-cleanup"));
    }

    private Cleanup() {}

    /** Registers {@code resource} for closing at exit and returns it. */
    public static synchronized <T extends AutoCloseable> T register(T resource) {
        OPEN.push(resource);
        return resource;
    }

    /** Closes {@code resource} now and forgets it; failures are printed, never thrown. */
    public static void close(AutoCloseable resource) {
        synchronized (Cleanup.class) {
            OPEN.remove(resource);
        }
        closeQuietly(resource);
    }

    /** Closes everything still open, newest first. */
    public static void closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (Cleanup.class) {
                next = OPEN.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("cleanup: " + resource + " did not close: " + e);
        }
    }
}
