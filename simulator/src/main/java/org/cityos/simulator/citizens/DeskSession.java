package org.cityos.simulator.citizens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.cityos.simulator.citizens.CaseworkDesk.DeskRefused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to CityOS's public HTTP API on behalf of many users: each user signs in once with the password
 * {@code passwords} answers for it, and a call that meets an expired session (401) signs in again and is sent once
 * more. Anything but a 2xx answer is a {@link DeskRefused}.
 */
final class DeskSession {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Function<String, String> passwords;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    DeskSession(URI base, Function<String, String> passwords) {
        this.base = base;
        this.passwords = passwords;
    }

    JsonNode get(String user, String path) {
        return send("GET " + path + " as " + user, authorised(user, path).GET(), user);
    }

    JsonNode post(String user, String path, Object body) {
        return send("POST " + path + " as " + user, json(authorised(user, path), body), user);
    }

    /** A POST that CityOS refuses (409) unless the case is still at {@code version}. */
    JsonNode post(String user, String path, Object body, int version) {
        return send(
                "POST " + path + " as " + user,
                json(authorised(user, path), body).header("If-Match", "\"" + version + "\""),
                user);
    }

    /** Uploads one file as the multipart part {@code file}. */
    JsonNode upload(String user, String path, String fileName, String mediaType, byte[] content) {
        String boundary = "sim-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 256);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = authorised(user, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send("POST " + path + " as " + user, b, user);
    }

    /** A request without a user (Open311, sign-in). */
    JsonNode send(String call, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new DeskRefused(call, r.statusCode(), r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(call + " interrupted", e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder authorised(String user, String path) {
        return request(path).header("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::login));
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, Object body) {
        return b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private String login(String user) {
        HttpRequest.Builder b =
                json(request("/api/auth/login"), Map.of("username", user, "password", passwords.apply(user)));
        return send("login of " + user, b).get("token").asString();
    }

    private JsonNode send(String call, HttpRequest.Builder request, String user) {
        try {
            return send(call, request);
        } catch (DeskRefused e) {
            if (e.status() != 401) {
                throw e;
            }
            tokens.remove(user);
            return send(
                    call, request.setHeader("Authorization", "Bearer " + tokens.computeIfAbsent(user, this::login)));
        }
    }

    /** A case id as CityOS writes it: a string, or an object with its {@code value}. */
    static String id(JsonNode node) {
        return node.isObject() ? node.path("value").asString() : node.asString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : Instant.parse(v);
    }
}
