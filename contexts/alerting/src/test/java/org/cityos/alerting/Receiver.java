package org.cityos.alerting;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port standing in for webhook receivers and SMS gateways: it records every
 * request and answers with the statuses a test queues per path (200 when none is queued).
 */
final class Receiver implements AutoCloseable {
    /** One request as it arrived; header names in lower case. */
    record Request(String path, Map<String, String> headers, String body) {}

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> stalls = new ConcurrentHashMap<>();

    // Unbounded: a stalled answer (see stall) must not hold up the answers other tests are waiting for.
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                String path = exchange.getRequestURI().getPath();
                receiver.requests.add(new Request(path, headers, body));
                Long stall = receiver.stalls.get(path);
                if (stall != null) {
                    // A receiver that takes its time: the sender's request timeout must give up first.
                    try {
                        Thread.sleep(stall);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Integer status = receiver.statuses
                        .computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>())
                        .poll();
                byte[] answer = (status == null || status < 300 ? "{\"code\":\"OK\"}" : "{\"code\":\"ERR\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(receiver.handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these statuses, in order. */
    void answer(String path, Integer... codes) {
        statuses.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(codes));
    }

    /** Requests to {@code path} are answered only after {@code millis}. */
    void stall(String path, long millis) {
        stalls.put(path, millis);
    }

    List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
