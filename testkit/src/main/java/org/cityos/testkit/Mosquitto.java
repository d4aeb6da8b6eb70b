package org.cityos.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Mosquitto broker ({@code /usr/sbin/mosquitto}, the scale-out mode's external broker), started
 * by the test itself on a free loopback port with persistence in a directory of its choosing. It can be
 * stopped ({@link #stop()}, SIGTERM: the broker saves its sessions), killed ({@link #kill()}, SIGKILL: what
 * was not saved is lost) and started again on the same port and directory ({@link #restart()}).
 */
public final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    /**
     * What the broker allows beyond the defaults.
     *
     * @param users user name → password; when not empty, anonymous clients are refused
     * @param acl lines of a Mosquitto ACL file ({@code user x}, {@code topic readwrite a/#}, …); empty for none
     * @param autosaveSeconds how often the in-memory state is written to disk (what a SIGKILL loses at most)
     */
    public record Options(Map<String, String> users, List<String> acl, int autosaveSeconds) {
        public Options {
            users = Map.copyOf(users);
            acl = List.copyOf(acl);
        }

        /** Anonymous, no ACL, state saved every second. */
        public static Options defaults() {
            return new Options(Map.of(), List.of(), 1);
        }

        public Options withUsers(Map<String, String> credentials) {
            return new Options(credentials, acl, autosaveSeconds);
        }

        public Options withAcl(List<String> lines) {
            return new Options(users, lines, autosaveSeconds);
        }

        public Options withAutosaveSeconds(int seconds) {
            return new Options(users, acl, seconds);
        }
    }

    private final Path dir;
    private final int port;
    private Process process;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts an anonymous broker on a free port with its configuration, state and log under {@code dir}. */
    public static Mosquitto start(Path dir) {
        return start(dir, Options.defaults());
    }

    public static Mosquitto start(Path dir, Options options) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Mosquitto not found at " + BINARY
                    + ": run the README's test command, which installs the 'mosquitto' package"
                    + " (apt-get install -y mosquitto)");
        }
        try {
            Files.createDirectories(dir.resolve("data"));
            Mosquitto broker = new Mosquitto(dir, FreePorts.next());
            broker.configure(options);
            broker.launch();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Mosquitto did not start in " + dir, e);
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public Path directory() {
        return dir;
    }

    /** The process id, for tools that watch the broker (CPU time, memory). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM: the broker saves its persistent sessions and queued messages, then exits. */
    public void stop() {
        if (isRunning()) {
            process.destroy();
            await(process);
        }
    }

    /** SIGKILL: the broker loses whatever it had not saved since its last autosave. */
    public void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            await(process);
        }
    }

    /** Starts the broker again on the same port with the same directory (and so the saved state). */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("Mosquitto on port " + port + " is still running; stop or kill it first");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's log so far, for failure messages. */
    public String log() {
        try {
            Path log = dir.resolve("mosquitto.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(Options options) throws IOException {
        List<String> conf = new ArrayList<>(List.of(
                // Debian's broker runs as root here; without this it would switch to the 'mosquitto' user
                // and could no longer write to the test's directory.
                "user root",
                "listener " + port + " 127.0.0.1",
                "persistence true",
                "persistence_location " + dir.resolve("data") + "/",
                "autosave_interval " + options.autosaveSeconds(),
                // Load tests keep thousands of QoS 1 messages in flight and queued per session.
                "max_inflight_messages 0",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "max_connections -1",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                "log_type notice",
                "connection_messages false"));
        if (options.users().isEmpty()) {
            conf.add("allow_anonymous true");
        } else {
            Path passwords = dir.resolve("passwd");
            Files.writeString(passwords, "");
            for (Map.Entry<String, String> user : options.users().entrySet()) {
                exec(List.of(PASSWD.toString(), "-b", passwords.toString(), user.getKey(), user.getValue()));
            }
            conf.add("allow_anonymous false");
            conf.add("password_file " + passwords);
        }
        if (!options.acl().isEmpty()) {
            Path acl = dir.resolve("acl");
            Files.write(acl, options.acl(), StandardCharsets.UTF_8);
            conf.add("acl_file " + acl);
        }
        Files.write(dir.resolve("mosquitto.conf"), conf, StandardCharsets.UTF_8);
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(
                        BINARY.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosquitto exited with " + process.exitValue() + " on port " + port
                        + ":\n" + Files.readString(dir.resolve("stdout.log")) + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "Mosquitto did not accept connections on port " + port + " within " + START_TIMEOUT + ":\n" + log());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Mosquitto", e);
        }
    }

    private static void await(Process p) {
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exec(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
