package org.cityos.benchmarks.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.cityos.benchmarks.ingest.HttpLoad;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's live alarm stream ({@code GET /api/alerting/stream}, Server-Sent Events) held open on a thread of
 * its own, noting when each {@code alarm-raised} event about one device arrived ({@link System#nanoTime()}), so the
 * probe can ask when the alarm it caused reached a cockpit. The stream reconnects if CityOS closes it.
 */
final class AlarmStreamWatch implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT = Duration.ofSeconds(30);

    private final HttpClient http = HttpLoad.client();
    private final HttpRequest request;
    private final String deviceId;
    private final Map<String, CompletableFuture<Long>> raised = new ConcurrentHashMap<>();
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicReference<Stream<String>> lines = new AtomicReference<>();
    private final Thread reader;
    private volatile boolean closed;

    private AlarmStreamWatch(int httpPort, String userToken, String deviceId) {
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/alerting/stream"))
                .timeout(CONNECT)
                .header("Authorization", "Bearer " + userToken)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        this.deviceId = deviceId;
        this.reader = new Thread(this::read, "alarm-stream-watch");
        this.reader.setDaemon(true);
    }

    /** Opens the stream as the user of {@code userToken}; returns once CityOS has answered it. */
    static AlarmStreamWatch open(int httpPort, String userToken, String deviceId) throws InterruptedException {
        AlarmStreamWatch watch = new AlarmStreamWatch(httpPort, userToken, deviceId);
        watch.reader.start();
        if (!watch.open.await(CONNECT.toSeconds(), TimeUnit.SECONDS)) {
            watch.close();
            throw new IllegalStateException(
                    "alarm stream not open within " + CONNECT.toSeconds() + " s; " + watch.firstError.get());
        }
        return watch;
    }

    /** When the {@code alarm-raised} event of {@code alarmId} arrived, or -1 if not by {@code deadlineNanos}. */
    long awaitRaised(String alarmId, long deadlineNanos) throws InterruptedException {
        CompletableFuture<Long> arrival = raised.computeIfAbsent(alarmId, k -> new CompletableFuture<>());
        try {
            return arrival.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return -1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How often CityOS ended the stream and it was opened again (events in the gap are missed). */
    int reconnects() {
        return reconnects.get();
    }

    String firstError() {
        return firstError.get();
    }

    private void read() {
        while (!closed) {
            try {
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("GET /api/alerting/stream answered HTTP " + response.statusCode());
                }
                lines.set(response.body());
                open.countDown();
                ServerSentEvents events = new ServerSentEvents();
                try (Stream<String> body = response.body()) {
                    body.forEach(line -> events.line(line).ifPresent(this::event));
                }
            } catch (IOException | RuntimeException e) {
                firstError.compareAndSet(null, e.toString());
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                reconnects.incrementAndGet();
                try {
                    Thread.sleep(100); // a refused reconnect must not spin; nothing to wait on but time
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void event(ServerSentEvents.Event event) {
        long now = System.nanoTime();
        if (!"alarm-raised".equals(event.name())) {
            return;
        }
        JsonNode alarm = JSON.readTree(event.data()).path("alarm");
        if (deviceId.equals(alarm.path("deviceId").asString(null))) {
            raised.computeIfAbsent(alarm.path("alarmId").asString(""), k -> new CompletableFuture<>())
                    .complete(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> body = lines.get();
        if (body != null) {
            body.close();
        }
        reader.interrupt();
    }
}
