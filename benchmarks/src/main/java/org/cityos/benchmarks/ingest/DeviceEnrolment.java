package org.cityos.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers N air micro-stations in a running CityOS the way an operator onboards thousands: one CSV import job
 * (polled until final), the ids listed back by their tag, then a device token each, issued over a few parallel
 * HTTP clients. The devices sit on a grid inside Daxing, far enough apart for the near-duplicate check.
 */
public final class DeviceEnrolment {
    public static final String TYPE = "air-micro-station";
    private static final String TAG = "bench-load";
    private static final int TOKEN_CLIENTS = 4;
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What enrolment produced and how long each part took. */
    public record Enrolled(List<DeviceLogin> devices, double importSeconds, double tokenSeconds) {}

    private final HttpClient http = HttpLoad.client();
    private final String base;
    private final String userToken;

    /** {@code userToken}: a session of a user who may import devices and issue tokens (the data steward). */
    public DeviceEnrolment(int httpPort, String userToken) {
        this.base = "http://127.0.0.1:" + httpPort;
        this.userToken = userToken;
    }

    /** Imports {@code count} devices named {@code prefix-i} and issues each a token. */
    public Enrolled enrol(int count, String prefix) throws Exception {
        long begin = System.nanoTime();
        // A few spare rows: a grid point that falls just outside the district's outline is refused, not fatal.
        String job = startImport(csv(count + count / 20 + 10, prefix));
        awaitImport(job, count);
        List<String> ids = listIds(count);
        double importSeconds = (System.nanoTime() - begin) / 1e9;
        begin = System.nanoTime();
        List<DeviceLogin> devices = issueTokens(ids);
        return new Enrolled(devices, importSeconds, (System.nanoTime() - begin) / 1e9);
    }

    static String csv(int count, String prefix) {
        int side = (int) Math.ceil(Math.sqrt(count));
        StringBuilder b = new StringBuilder("type,name,vendor,serial,lon,lat,department,state,tags\n");
        for (int i = 0; i < count; i++) {
            // A box inside the district outline; ~150 m between neighbours at 10,000 devices.
            double lon = 116.32 + 0.16 * (i % side) / side;
            double lat = 39.60 + 0.14 * (i / side) / side;
            b.append(TYPE)
                    .append(',')
                    .append(prefix)
                    .append('-')
                    .append(i)
                    .append(",bench,")
                    .append(prefix.toUpperCase(java.util.Locale.ROOT))
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.6f,%.6f", lon, lat))
                    .append(",ecology,ACTIVE,")
                    .append(TAG)
                    .append('\n');
        }
        return b.toString();
    }

    private String startImport(String csv) throws IOException, InterruptedException {
        String boundary = "cityos-bench-" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/devices/imports"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + userToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(head + csv + tail, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException(
                    "device import refused: HTTP " + response.statusCode() + " " + start(response.body()));
        }
        // The job's id serialises as an object; the Location header is the address to poll.
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IOException("device import answered 202 without a Location"));
    }

    private void awaitImport(String location, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = get(URI.create(location).getPath());
            if (!state.path("finishedAt").isNull() && !state.path("finishedAt").isMissingNode()) {
                int imported = state.path("imported").asInt();
                if (imported < count) {
                    throw new IOException("device import stored " + imported + " of " + count + " devices: "
                            + start(state.path("issues").toString()));
                }
                return;
            }
            LockSupport.parkNanos(100_000_000);
        }
        throw new IOException("device import " + location + " not final within " + IMPORT_TIMEOUT);
    }

    /** The first {@code count} devices of the import. */
    private List<String> listIds(int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>(count);
        for (int offset = 0; offset < count; offset += 1000) {
            JsonNode page = get("/api/devices?type=" + TYPE + "&tag=" + TAG + "&limit=1000&offset=" + offset);
            page.path("items").forEach(d -> ids.add(d.path("id").asString()));
        }
        if (ids.size() < count) {
            throw new IOException("listed " + ids.size() + " of " + count + " imported devices");
        }
        return List.copyOf(ids.subList(0, count));
    }

    private List<DeviceLogin> issueTokens(List<String> ids) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TOKEN_CLIENTS);
        try {
            List<Future<DeviceLogin>> issued = new ArrayList<>(ids.size());
            for (String id : ids) {
                issued.add(pool.submit(() -> new DeviceLogin(id, issue(id))));
            }
            List<DeviceLogin> logins = new ArrayList<>(ids.size());
            for (Future<DeviceLogin> f : issued) {
                logins.add(f.get());
            }
            return logins;
        } finally {
            pool.shutdownNow();
        }
    }

    private String issue(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/devices/" + id + "/credentials"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + userToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("token for " + id + ": HTTP " + response.statusCode() + " " + start(response.body()));
        }
        String token = JSON.readTree(response.body()).path("token").asString();
        if (token == null || !token.startsWith("cod_")) {
            throw new IOException("token for " + id + " is not a device token: " + start(response.body()));
        }
        return token;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + userToken)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + start(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String start(String body) {
        return body == null ? "" : body.substring(0, Math.min(300, body.length()));
    }
}
