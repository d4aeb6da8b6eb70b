package org.cityos.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CityOS HTTP client on loopback only. Every call that does not get the expected status throws, so
 * the closed loop counts it as an error with the status and the start of the body in the message.
 */
public final class Api {
    public static final String DEMO_PASSWORD = "CityOS-demo-2026";
    /** CityOS's default password-hash cost, passed explicitly so the bcrypt baseline uses the same. */
    public static final int BCRYPT_STRENGTH = 10;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final String base;

    public Api(int port) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in and returns the session token. */
    public String login(String username) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("username", username, "password", DEMO_PASSWORD));
        HttpResponse<String> response = send(post("/api/auth/login", null, body), 200);
        String token = JSON.readTree(response.body()).path("token").asString();
        if (token == null || token.isEmpty()) {
            throw new IOException("login of " + username + " returned no token");
        }
        return token;
    }

    /** GET that must answer 200; the body is read and dropped. */
    public void get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
        expect(response.statusCode(), 200, path, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** GET that must answer 200, parsed as JSON. */
    public JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(send(request.build(), 200).body());
    }

    /** POST of a JSON body built from {@code fields} that must answer {@code status}. */
    public void postJson(String path, String token, Map<String, ?> fields, int status)
            throws IOException, InterruptedException {
        send(post(path, token, JSON.writeValueAsString(fields)), status);
    }

    /** POST of a JSON body built from {@code fields} that must answer {@code status}; the answer parsed as JSON. */
    public JsonNode postForJson(String path, String token, Map<String, ?> fields, int status)
            throws IOException, InterruptedException {
        return JSON.readTree(
                send(post(path, token, JSON.writeValueAsString(fields)), status).body());
    }

    /** Readiness once: true only for 200 {"status":"UP"}; false on any failure, including refused connections. */
    public boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        expect(response.statusCode(), status, request.uri().getPath(), response.body());
        return response;
    }

    private static void expect(int actual, int expected, String path, String body) throws IOException {
        if (actual != expected) {
            String start = body == null ? "" : body.substring(0, Math.min(120, body.length()));
            throw new IOException("HTTP " + actual + " from " + path + " (expected " + expected + "): " + start);
        }
    }
}
