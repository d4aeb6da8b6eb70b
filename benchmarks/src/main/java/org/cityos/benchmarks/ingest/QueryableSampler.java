package org.cityos.benchmarks.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Publish → queryable: picks about {@code perSecond} PUBACKed messages a second and polls the public telemetry
 * API ({@code GET /api/devices/{id}/telemetry?property=pm25&from=ts&to=ts+1ms}) until the reading is returned,
 * recording the time from the message's intended send time. A PUBACK promises durability, this measures when a
 * user can see it; the polls are real requests, so they load CityOS a little too (noted with the figure).
 */
public final class QueryableSampler implements MqttLoad.AckListener, AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpLoad.client();
    private final String base;
    private final String userToken;
    private final List<DeviceLogin> devices;
    private final ReadingPayload payload;
    private final long intervalNanos;
    private final AtomicLong nextPick = new AtomicLong();
    private final ThreadPoolExecutor pollers = (ThreadPoolExecutor) Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "queryable-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Recorder latency = new Recorder(3);
    private final LongAdder missed = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    public QueryableSampler(
            int httpPort, String userToken, List<DeviceLogin> devices, ReadingPayload payload, double perSecond) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.userToken = userToken;
        this.devices = List.copyOf(devices);
        this.payload = payload;
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    /** Called on the client's I/O thread: only decides, the polling happens on the sampler's own threads. */
    @Override
    public void acked(int device, long seq, long dueNanos) {
        long now = System.nanoTime();
        long next = nextPick.get();
        // A backlog of samples would measure the sampler, not CityOS: skip picks while one builds up.
        if (now - next < 0 || pollers.getQueue().size() > 16 || !nextPick.compareAndSet(next, now + intervalNanos)) {
            return;
        }
        pollers.execute(() -> poll(device, seq, dueNanos));
    }

    private void poll(int device, long seq, long dueNanos) {
        long ts = payload.ts(seq);
        String path = "/api/devices/" + devices.get(device).deviceId() + "/telemetry?property=pm25&from="
                + Instant.ofEpochMilli(ts) + "&to=" + Instant.ofEpochMilli(ts + 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + userToken)
                .GET()
                .build();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                polls.increment();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"at\"")) {
                    latency.recordValue(Math.max(0, (System.nanoTime() - dueNanos) / 1000));
                    return;
                }
                if (response.statusCode() != 200) {
                    firstError.compareAndSet(null, "HTTP " + response.statusCode() + " for " + path);
                }
            } catch (Exception e) {
                firstError.compareAndSet(null, e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        missed.increment();
    }

    /** Latencies (µs) of the samples answered since the previous call. */
    public Histogram interval() {
        return latency.getIntervalHistogram();
    }

    /** Samples never returned within 30 s. */
    public long missed() {
        return missed.sum();
    }

    /** Telemetry requests sent so far. */
    public long polls() {
        return polls.sum();
    }

    public String firstError() {
        return firstError.get();
    }

    /** Lets the samples in flight finish (each gives up after 30 s), then stops. */
    @Override
    public void close() throws InterruptedException {
        pollers.shutdown();
        pollers.awaitTermination(GIVE_UP.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** Waits until the samples in flight are answered or given up (at most {@code wait}); keeps accepting. */
    public void settle(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while ((pollers.getActiveCount() > 0 || !pollers.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
        }
    }
}
