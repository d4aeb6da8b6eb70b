package org.cityos.benchmarks.scenarios;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.ingest.DeviceLogin;
import org.cityos.benchmarks.ingest.HttpLoad;
import org.cityos.benchmarks.ingest.ReadingPayload;
import org.cityos.benchmarks.load.ClosedLoop;
import org.cityos.benchmarks.load.LoadResult;

/**
 * HTTP batch ingest: a few gateways in a closed loop, each {@code POST /api/ingest/telemetry} carrying 167 reading
 * sets of three values (501 points) of one device with its token, answered after the commit. Baseline in the same run, on
 * the same PostgreSQL: the same rows by a plain JDBC {@code COPY}, same batches, same number of connections, one
 * transaction per batch ({@link TelemetryCopy}), alternating slice by slice (ABBA). The ratio says how close
 * CityOS's whole path (HTTP, token check, parsing, validation, batching) gets to the database's bulk-load floor.
 */
public final class HttpBatchScenario {
    /**
     * Reading sets per batch: 167 × 3 values = 501 points (stored values), the 500-point batch. 500 sets of
     * three values would be 1,500 readings in one message, over CityOS's limit of 1,000 (Normaliser.MAX_READINGS),
     * and be dead-lettered.
     */
    static final int SETS_PER_BATCH = 167;

    static final int POINTS_PER_BATCH = SETS_PER_BATCH * 3;
    private static final double TARGET_RATIO = 0.8;

    private HttpBatchScenario() {}

    public static List<Row> run(Mode mode, IngestCity city) throws Exception {
        int threads = mode.isFull() ? 4 : 2;
        List<DeviceLogin> devices = city.devices();
        // Later than anything the MQTT run sent, so every (device, ts) stays unique.
        ReadingPayload payload = new ReadingPayload(System.currentTimeMillis() + 3_600_000);
        AtomicLongArray nextSeq = new AtomicLongArray(devices.size());
        AtomicLongArray copySeq = new AtomicLongArray(devices.size());
        HttpClient http = HttpLoad.client();
        URI uri = URI.create("http://127.0.0.1:" + city.app().port() + "/api/ingest/telemetry");
        ClosedLoop.Operation post = (thread, seq) -> {
            int device = (int) (seq % devices.size());
            long first = nextSeq.getAndAdd(device, SETS_PER_BATCH);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + devices.get(device).token())
                    .POST(HttpRequest.BodyPublishers.ofString(payload.batch(device, first, SETS_PER_BATCH)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("STORED")) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(200, response.body().length())));
            }
        };
        TelemetryCopy.prepare(city.dbPort());
        List<TelemetryCopy> copies = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                copies.add(TelemetryCopy.open(city.dbPort()));
            }
            ClosedLoop.Operation copy = (thread, seq) -> {
                int device = (int) (seq % devices.size());
                long first = copySeq.getAndAdd(device, SETS_PER_BATCH);
                copies.get(thread)
                        .batch(
                                devices.get(device).deviceId(),
                                payload.ts(first),
                                POINTS_PER_BATCH,
                                device * 2_654_435_761L);
            };
            long maxOps = mode.maxOpsPerSlice();
            ClosedLoop.run(threads, mode.warmup(), maxOps, post);
            ClosedLoop.run(threads, mode.warmup(), maxOps, copy);
            LoadResult http1 = LoadResult.empty();
            LoadResult copy1 = LoadResult.empty();
            for (int round = 0; round < mode.rounds(); round++) {
                // ABBA: neither side always runs on the warmer (or the more fragmented) table.
                if (round % 2 == 0) {
                    http1 = http1.plus(ClosedLoop.run(threads, mode.slice(), maxOps, post));
                    copy1 = copy1.plus(ClosedLoop.run(threads, mode.slice(), maxOps, copy));
                } else {
                    copy1 = copy1.plus(ClosedLoop.run(threads, mode.slice(), maxOps, copy));
                    http1 = http1.plus(ClosedLoop.run(threads, mode.slice(), maxOps, post));
                }
            }
            Scenarios.requireSuccess("HTTP batch ingest", http1);
            Scenarios.requireSuccess("COPY baseline", copy1);
            return List.of(row(city, threads, http1, copy1));
        } finally {
            for (TelemetryCopy c : copies) {
                close(c);
            }
        }
    }

    private static Row row(IngestCity city, int threads, LoadResult http, LoadResult copy) throws SQLException {
        double points = http.perSecond() * POINTS_PER_BATCH;
        double copied = copy.perSecond() * POINTS_PER_BATCH;
        double ratio = points / copied;
        return new Row(
                "HTTP batch ingest: POST /api/ingest/telemetry, " + POINTS_PER_BATCH + " points (" + SETS_PER_BATCH
                        + " reading sets × 3 values) per batch, "
                        + threads + " clients closed loop (stored before 200)",
                points,
                "points/s",
                "plain JDBC COPY of the same rows, same batches, " + threads
                        + " connections, one transaction per batch, same PostgreSQL (points/s)",
                copied,
                "batch p50/p99 "
                        + Numbers.percentiles(http.latencyMicros())
                                .replace("p50 ", "")
                                .replace(", p99 ", " / ")
                        + " (COPY "
                        + Numbers.percentiles(copy.latencyMicros())
                                .replace("p50 ", "")
                                .replace(", p99 ", " / ")
                        + "); " + Numbers.figure(points / 3) + " reading sets/s vs " + Numbers.figure(copied / 3) + "; "
                        + Numbers.figure(http.ok()) + " batches" + http.errorNote() + "; target ratio ≥ " + TARGET_RATIO
                        + ": " + (ratio >= TARGET_RATIO ? "met" : "MISSED") + "; baseline table has "
                        + TelemetryCopy.partitions(city.dbPort()) + " partitions like iot_telemetry; load average "
                        + IngestEndToEndScenario.loadAverage());
    }

    private static void close(TelemetryCopy c) {
        try {
            c.close();
        } catch (SQLException e) {
            System.err.println("COPY baseline connection did not close: " + e);
        }
    }
}
