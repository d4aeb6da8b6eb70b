package org.cityos.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's packages (the external mode's engine), started by the test
 * itself on a free port with its own socket directory. Debian's server refuses to run as root, so as
 * root it runs as the {@code postgres} system user.
 */
public final class DebianPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private DebianPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed Debian server's bin directory, or an error saying how to install one. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException(
                            "No Debian PostgreSQL server found under /usr/lib/postgresql: run the README's test command,"
                                    + " which installs the 'postgresql' package"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DebianPostgres start() {
        Path bin = binaries();
        int port = FreePorts.next();
        try {
            Path dir = ThrowawayDirectories.createOwned("cityos-debian-pg");
            DebianPostgres pg = new DebianPostgres(bin, dir, port);
            pg.chownToPostgres();
            pg.run(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -U postgres -A trust -E UTF8 --no-sync");
            pg.run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -t 60"
                    + " -o \"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off\" start");
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("Debian PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String version() {
        return bin.getParent().getFileName().toString();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public void createDatabase(String name) {
        run(bin.resolve("createdb") + " -h 127.0.0.1 -p " + port + " -U postgres " + name);
    }

    @Override
    public void close() {
        run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop");
        ThrowawayDirectories.delete(dir);
    }

    private void chownToPostgres() throws IOException {
        if (isRoot()) {
            exec(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
    }

    private void run(String command) {
        List<String> argv = new ArrayList<>();
        if (isRoot()) {
            argv.addAll(List.of("su", "postgres", "-s", "/bin/sh", "-c", command));
        } else {
            argv.addAll(List.of("/bin/sh", "-c", command));
        }
        try {
            exec(argv);
        } catch (IOException e) {
            throw new IllegalStateException("failed: " + command, e);
        }
    }

    private static void exec(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
