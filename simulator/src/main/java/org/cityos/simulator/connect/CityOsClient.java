package org.cityos.simulator.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of CityOS's public HTTP API: signs in once and sends the session token as a bearer token. */
public final class CityOsClient {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI base;
    private final HttpClient http;
    private volatile String token;

    public CityOsClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI base() {
        return base;
    }

    /** Signs in as {@code user}; later calls carry the session token. */
    public void login(String user, String password) {
        JsonNode session = postJson("/api/auth/login", Map.of("username", user, "password", password));
        token = session.path("token").asString();
        if (token.isEmpty()) {
            throw new IllegalStateException("CityOS signed " + user + " in without a token");
        }
    }

    public JsonNode get(String path) {
        return JSON.readTree(getText(path));
    }

    public String getText(String path) {
        return send("GET " + path, request(path).GET().build());
    }

    public JsonNode postJson(String path, Object body) {
        HttpRequest r = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        String answer = send("POST " + path, r);
        return answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    /** Uploads one file as the multipart part {@code file}. */
    public JsonNode postFile(String path, String filename, String contentType, byte[] content) {
        String boundary = "sim-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest r = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return JSON.readTree(send("POST " + path, r));
    }

    /** Sends telemetry as the device holding {@code deviceToken}; completes with the HTTP status. */
    public CompletableFuture<Integer> pushTelemetry(String deviceToken, byte[] json) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/ingest/telemetry"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + deviceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2));
        String t = token;
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        return b.header("Accept", "application/json, application/geo+json, text/csv");
    }

    private String send(String what, HttpRequest r) {
        try {
            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() >= 400) {
                throw new CityOsRefused(what, answer.statusCode(), answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException("CityOS at " + base + " did not answer " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }
}
