package org.cityos.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CityOS running as a separate process from its jar, as an operator runs it: its own embedded
 * PostgreSQL under {@code dataDir}, demo users, loopback port. Stopped with SIGTERM like a service
 * manager would; if it does not stop in time it and its children (PostgreSQL) are killed.
 */
public final class CityOsProcess implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final long startedNanos;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Api api;

    private final int mqttPort;

    private CityOsProcess(Process process, long startedNanos, Path dataDir, Path log, int port, int mqttPort) {
        this.mqttPort = mqttPort;
        this.process = process;
        this.startedNanos = startedNanos;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.api = new Api(port);
    }

    /** Starts the jar; the start-up clock begins just before the process is created. */
    public static CityOsProcess start(Path jar, Path work, int port, String logName) throws IOException {
        return start(jar, work, port, logName, List.of());
    }

    /** Starts the jar with extra arguments (e.g. {@code --cityos.kafka.bootstrap-servers=…}). */
    public static CityOsProcess start(Path jar, Path work, int port, String logName, List<String> extra)
            throws IOException {
        int mqttPort = org.cityos.testkit.FreePorts.next();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("CityOS jar not found at " + jar.toAbsolutePath()
                    + "; build it first with ./mvnw -B -ntp -DskipTests install");
        }
        Files.createDirectories(work);
        Path dataDir = work.resolve("pg");
        Path log = work.resolve(logName);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--cityos.identity.demo=true",
                "--cityos.identity.bcrypt-strength=" + Api.BCRYPT_STRENGTH,
                "--cityos.db.data-directory=" + dataDir,
                "--cityos.audit.signing-key-file=" + work.resolve("keys").resolve("audit.key"),
                "--cityos.iot.mqtt.port=" + mqttPort));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process process = builder.start();
        return Cleanup.register(new CityOsProcess(process, started, dataDir, log, port, mqttPort));
    }

    /**
     * JVM options for the CityOS process from {@code -Dcityos.bench.app-jvm-options="…"} (space-separated), e.g. a GC
     * log while looking for stalls; none by default, so CityOS runs as {@code java -jar} does.
     */
    static List<String> jvmOptions() {
        String options = System.getProperty("cityos.bench.app-jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** The port of this process's MQTT device endpoint. */
    public int mqttPort() {
        return mqttPort;
    }

    /** The process id, for a kill -9. */
    public long pid() {
        return process.pid();
    }

    /** Polls readiness every 50 ms until UP; returns the time from process start to UP. */
    public Duration awaitReady(Duration limit) throws InterruptedException {
        long giveUp = startedNanos + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            if (api.ready()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "CityOS exited with " + process.exitValue() + " before it was ready; " + logTail());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "CityOS not ready within " + limit.toSeconds() + " s" + rootCause() + "; " + logTail());
    }

    /** SIGTERM, then waits; returns how long the graceful stop took. */
    public Duration stop() throws InterruptedException {
        if (!process.isAlive()) {
            return Duration.ZERO;
        }
        List<ProcessHandle> children = process.descendants().toList();
        long begin = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("CityOS did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM");
        }
        // A clean stop has already stopped PostgreSQL; anything left behind is stopped too.
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** The embedded PostgreSQL's port: line 4 of postmaster.pid. */
    public int postgresPort() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        if (lines.size() < 4) {
            throw new IOException("postmaster.pid in " + dataDir + " has no port line");
        }
        return Integer.parseInt(lines.get(3).strip());
    }

    /**
     * The embedded PostgreSQL's server process (line 1 of postmaster.pid): pg_ctl runs it detached, so it is not
     * among this process's descendants; its backends are among its own.
     */
    public long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    /** The embedded PostgreSQL's data directory. */
    public Path dataDir() {
        return dataDir;
    }

    public Api api() {
        return api;
    }

    public int port() {
        return port;
    }

    /** The last lines CityOS wrote, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "last log lines (" + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "no log at " + log;
        }
    }

    /** " (root cause)" from the log's last "Caused by:" or ERROR line, or empty. */
    String rootCause() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (line.startsWith("Caused by:") || line.contains(" ERROR ")) {
                    return " (" + line + ")";
                }
            }
        } catch (IOException e) {
            // no log: nothing to add
        }
        return "";
    }

    /** Lines of the log that report problems (WARN/ERROR), for the notes of a scenario. */
    public List<String> problems() {
        try {
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .filter(l -> !l.contains("DEMO") && !l.contains("demo") && !l.contains("SpringDoc"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return "CityOS on 127.0.0.1:" + port + " (pid " + process.pid() + ")";
    }
}
