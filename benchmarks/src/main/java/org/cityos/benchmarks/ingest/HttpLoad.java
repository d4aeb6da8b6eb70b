package org.cityos.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Devices posting JSON over HTTP at a fixed aggregate rate, each with its own bearer token, measured like
 * {@link MqttLoad}: latency from the intended send time to the 2xx response. At most {@code maxConcurrent}
 * requests are open at once (the JDK client keeps that many keep-alive connections); when all are busy the
 * schedule waits, and the wait shows up as latency.
 */
public final class HttpLoad {
    /** The request body for one message. */
    @FunctionalInterface
    public interface Body {
        String json(int device, DeviceLogin login, long seq, long sentAtMicros);
    }

    /** {@link TelemetryPayload} as the body: single-reading ingest. */
    public static final Body TELEMETRY = (device, login, seq, sentAt) ->
            new String(TelemetryPayload.encode(device, seq, sentAt), java.nio.charset.StandardCharsets.US_ASCII);

    private final HttpClient http;
    private final URI uri;
    private final List<DeviceLogin> devices;
    private final Body body;
    private final Semaphore open;
    private final Duration timeout;
    private final long[] nextSeq;

    public HttpLoad(
            HttpClient http, URI uri, List<DeviceLogin> devices, Body body, int maxConcurrent, Duration timeout) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("no devices to send as");
        }
        this.http = http;
        this.uri = uri;
        this.devices = List.copyOf(devices);
        this.body = body;
        this.open = new Semaphore(maxConcurrent);
        this.timeout = timeout;
        this.nextSeq = new long[devices.size()];
    }

    /** An HTTP/1.1 client, as devices and gateways use. */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** POSTs at {@code rate} requests/s for {@code duration}, then waits up to {@code drain} for answers. */
    public LoadRun run(double rate, Duration duration, Duration drain) {
        int n = devices.size();
        return OpenLoad.run(rate, duration, drain, (index, due) -> {
            int device = (int) (index % n);
            DeviceLogin login = devices.get(device);
            long seq = nextSeq[device]++;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + login.token())
                    .POST(HttpRequest.BodyPublishers.ofString(body.json(device, login, seq, MicroClock.at(due))))
                    .build();
            open.acquire();
            CompletableFuture<HttpResponse<Void>> sent;
            try {
                sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            } catch (RuntimeException e) {
                open.release();
                throw e;
            }
            return sent.whenComplete((r, e) -> open.release()).thenApply(response -> {
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + " for " + login.deviceId());
                }
                return response;
            });
        });
    }
}
