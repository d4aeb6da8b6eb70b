package org.cityos.benchmarks.ingest;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Moquette 0.17, the embeddable Java broker, in a child JVM: 10,000 device sockets on each side would
 * not fit under one process's 20,000 file descriptors, and its threads must not share the load
 * generator's heap and GC. Its sessions live in memory: its H2 store is left out of the class path.
 */
public final class MoquetteBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private MoquetteBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the child JVM on {@code port} (which must be free: Moquette hangs on a taken one). */
    public static MoquetteBroker start(Path dir, int port) throws IOException {
        requireFree(port);
        Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("moquette.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx2g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MoquetteBroker.class.getName(),
                        Integer.toString(port),
                        dir.resolve("data").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MoquetteBroker broker = new MoquetteBroker(process, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Moquette exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return broker;
            } catch (IOException notYet) {
                LockSupport.parkNanos(50_000_000);
            }
        }
        broker.close();
        throw new IllegalStateException(
                "Moquette did not listen on " + port + " within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM; the child's shutdown hook stops the broker. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The child: {@code MoquetteBroker <port> <dataDir>}; runs until terminated. */
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", args[0]);
        p.setProperty("data_path", args[1]);
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("websocket_port", "disabled");
        // Moquette phones home by default; a benchmark must not.
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("use_bugsnag", "false");
        p.setProperty("use_metrics", "false");
        p.setProperty("netty.mqtt.message_size", "65536");
        Server server = new Server();
        server.startServer(new MemoryConfig(p));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopServer, "moquette-stop"));
        Thread.currentThread().join();
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken; Moquette would hang on it", e);
        }
    }
}
