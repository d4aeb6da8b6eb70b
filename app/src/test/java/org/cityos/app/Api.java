package org.cityos.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client that drives CityOS as a real client would. */
final class Api {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, headers, raw body, and the body as JSON when it is JSON. */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response get(String path, String token) {
        return send(builder(path, token, Map.of()).GET());
    }

    Response get(String path, String token, Map<String, String> headers) {
        return send(builder(path, token, headers).GET());
    }

    Response post(String path, String token, Object body) {
        return send(builder(path, token, Map.of("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Response put(String path, String token, Object body) {
        return send(builder(path, token, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(
                        body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Response delete(String path, String token) {
        return send(builder(path, token, Map.of()).DELETE());
    }

    Response raw(String method, String path, String token, Map<String, String> headers, byte[] body) {
        return send(builder(path, token, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    String login(String username, String password) {
        Response r = post("/api/auth/login", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return r.json().get("token").asString();
    }

    HttpRequest.Builder builder(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header(
                    token.startsWith("cok_") ? "X-API-Key" : "Authorization",
                    token.startsWith("cok_") ? token : "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
